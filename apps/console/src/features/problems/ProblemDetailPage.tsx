import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { ProblemTicket } from '../../api/types';
import { currentSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { StatusTag } from '../tickets/StatusTag';
import { TypeCounts, ZoneCounts } from './ProblemCounts';
import { PROBLEM_STATUS_COLORS, PROBLEM_STATUS_LABELS } from './problem-labels';
import { TicketPicker } from './TicketPicker';

const pathOf = (id: string) => ({ params: { path: { id } } });

/** One problem: its tickets (those the reader may see), and for coordinators 添加工单, 移出, 办结. */
export function ProblemDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const state = useApi((signal) => unwrap(api.GET('/api/v1/problems/{id}', { ...pathOf(id), signal })), [id]);
  if (!state.data) return state.error ? <ApiErrorAlert error={state.error} /> : <PageLoading />;
  const p = state.data;
  const editable = currentSession()?.user.role === 'coordinator' && p.status === 'open';

  async function remove(ticketId: string) {
    try {
      await unwrap(api.DELETE('/api/v1/problems/{id}/tickets/{ticketId}', { params: { path: { id, ticketId } } }));
      message.success('已移出');
      state.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      <PageTitle
        title={p.title}
        extra={
          editable && (
            <Space wrap>
              <FormModal<{ ticketIds: string[] }> label="添加工单" onSubmit={(body) => unwrap(api.POST('/api/v1/problems/{id}/tickets', { ...pathOf(id), body }))} onDone={state.reload}>
                <Form.Item name="ticketIds" label="工单" rules={[{ required: true, message: '请选择工单' }]}>
                  <TicketPicker />
                </Form.Item>
              </FormModal>
              <FormModal<{ resolution: string }>
                label="办结"
                primary
                intro="办理结果将写入每张关联工单的办理进程，并邮件告知各相关园区；各服务台可据此办结工单。"
                onSubmit={(body) => unwrap(api.POST('/api/v1/problems/{id}/resolve', { ...pathOf(id), body }))}
                onDone={state.reload}
              >
                <Form.Item name="resolution" label="办理结果" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
                  <Input.TextArea rows={4} maxLength={2000} showCount />
                </Form.Item>
              </FormModal>
            </Space>
          )
        }
      />
      <ApiErrorAlert error={state.error} />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label="状态">
              <Tag color={PROBLEM_STATUS_COLORS[p.status]}>{PROBLEM_STATUS_LABELS[p.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="工单数">{p.ticketCount}</Descriptions.Item>
            <Descriptions.Item label="涉及园区">
              <ZoneCounts problem={p} />
            </Descriptions.Item>
            <Descriptions.Item label="服务类型">
              <TypeCounts problem={p} />
            </Descriptions.Item>
            <Descriptions.Item label="归集时间">{formatTime(p.createdAt)}</Descriptions.Item>
            {p.resolvedAt && <Descriptions.Item label="办结时间">{formatTime(p.resolvedAt)}</Descriptions.Item>}
            {p.description && (
              <Descriptions.Item label="问题说明" span="filled">
                {p.description}
              </Descriptions.Item>
            )}
            {p.resolution && (
              <Descriptions.Item label="办理结果" span="filled">
                {p.resolution}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title="关联工单">
          <ListTable<ProblemTicket>
            rowKey="ticketId"
            rows={p.tickets}
            empty="暂无关联工单"
            columns={[
              { title: '需求', dataIndex: 'title', render: (title: string, t) => <Link to={`/tickets/${t.ticketId}`}>{title}</Link> },
              { title: '园区', dataIndex: 'zoneName' },
              { title: '服务类型', dataIndex: 'type', render: (type: ProblemTicket['type']) => SERVICE_TYPE_LABELS[type] },
              { title: '状态', dataIndex: 'status', render: (s: ProblemTicket['status']) => <StatusTag status={s} /> },
              ...(editable
                ? [
                    {
                      title: '操作',
                      key: 'remove',
                      render: (_: unknown, t: ProblemTicket) => (
                        <Popconfirm title="将该工单移出此问题？" okText="移出" cancelText="取消" onConfirm={() => remove(t.ticketId)}>
                          <Button size="small" danger>
                            移出
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
