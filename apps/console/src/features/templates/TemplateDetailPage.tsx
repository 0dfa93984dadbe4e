import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Space, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { ActivityKind, ExperienceTemplate } from '../../api/types';
import { currentSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { ACTIVITY_KIND_LABELS, SERVICE_TYPE_LABELS } from '../../labels/labels';
import { kindLabel } from '../providers/provider-api';
import { averageText, TEMPLATE_STATUS_COLORS, TEMPLATE_STATUS_LABELS } from './template-labels';

const pathOf = (id: string) => ({ params: { path: { id } } });

/** One template: the demand, the steps taken, the outcome, 使用次数 and 平均评分; its owner or a coordinator edits and publishes it. */
export function TemplateDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const state = useApi((signal) => unwrap(api.GET('/api/v1/templates/{id}', { ...pathOf(id), signal })), [id]);
  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const t = state.data;
  const user = currentSession()?.user;
  const editable = user?.role === 'coordinator' || (user?.role === 'desk_staff' && user.id === t.ownerId);

  async function setStatus(status: ExperienceTemplate['status']) {
    try {
      await unwrap(api.PATCH('/api/v1/templates/{id}', { ...pathOf(id), body: { status } }));
      message.success(status === 'published' ? '已发布' : '已撤回为草稿');
      state.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      <PageTitle
        title={t.title}
        extra={
          editable && (
            <Space wrap>
              <FormModal<{ title: string; demand: string; outcome: string }>
                label="编辑"
                width={640}
                initialValues={{ title: t.title, demand: t.demand, outcome: t.outcome }}
                onSubmit={(body) => unwrap(api.PATCH('/api/v1/templates/{id}', { ...pathOf(id), body }))}
                onDone={state.reload}
              >
                <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="demand" label="需求" rules={[{ required: true, whitespace: true, message: '请填写需求' }]}>
                  <Input.TextArea rows={4} maxLength={4000} showCount />
                </Form.Item>
                <Form.Item name="outcome" label="办理结果" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
                  <Input.TextArea rows={3} maxLength={2000} showCount />
                </Form.Item>
              </FormModal>
              {t.status === 'draft' ? (
                <Button type="primary" onClick={() => setStatus('published')}>
                  发布
                </Button>
              ) : (
                <Button onClick={() => setStatus('draft')}>撤回为草稿</Button>
              )}
            </Space>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label="状态">
              <Tag color={TEMPLATE_STATUS_COLORS[t.status]}>{TEMPLATE_STATUS_LABELS[t.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="服务类型">{SERVICE_TYPE_LABELS[t.type]}</Descriptions.Item>
            <Descriptions.Item label="服务机构类别">{t.providerKind ? kindLabel(t.providerKind) : '—'}</Descriptions.Item>
            <Descriptions.Item label="原工单评分">{`${t.rating} 分`}</Descriptions.Item>
            <Descriptions.Item label="使用次数">{t.usedCount}</Descriptions.Item>
            <Descriptions.Item label="平均评分">{averageText(t)}</Descriptions.Item>
            <Descriptions.Item label="创建人">{t.ownerName}</Descriptions.Item>
            <Descriptions.Item label="更新时间">{formatTime(t.updatedAt)}</Descriptions.Item>
            <Descriptions.Item label="原工单">
              <Link to={`/tickets/${t.sourceTicketId}`}>查看</Link>
            </Descriptions.Item>
            <Descriptions.Item label="需求" span="filled">
              {t.demand}
            </Descriptions.Item>
            <Descriptions.Item label="办理结果" span="filled">
              {t.outcome || '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title="办理步骤">
          {t.steps.length === 0 ? (
            <Empty description="无服务活动记录" />
          ) : (
            <List
              dataSource={t.steps}
              renderItem={(s) => (
                <List.Item>
                  <List.Item.Meta title={`${s.day} · ${ACTIVITY_KIND_LABELS[s.kind as ActivityKind] ?? s.kind}`} description={s.notes} />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
