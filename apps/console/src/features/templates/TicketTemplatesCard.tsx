import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { SuggestedTemplate, TicketWithHistory } from '../../api/types';
import { currentSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useApi } from '../../components/useApi';
import { averageText } from './template-labels';

const MIN_RATING = 4;

/**
 * 经验模板 on a ticket: the published templates most like its demand, each with 使用 (recorded
 * once per ticket); a closed ticket rated 4 or more offers 形成经验模板.
 */
export function TicketTemplatesCard({ ticket, onChanged }: { ticket: TicketWithHistory; onChanged: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const role = currentSession()?.user.role;
  const canWrite = role === 'desk_staff' || role === 'coordinator';
  const state = useApi(async (signal) => (await unwrap(api.GET('/api/v1/tickets/{id}/templates', { params: { path: { id: ticket.id }, query: { limit: 3 } }, signal }))).items, [ticket.id]);
  const used = new Set(ticket.history.filter((h) => h.type === 'ticket.template_used').map((h) => String((h.data as { templateId?: string }).templateId)));
  const [busy, setBusy] = useState<string>();

  async function use(templateId: string) {
    setBusy(templateId);
    try {
      await unwrap(api.POST('/api/v1/tickets/{id}/templates/{templateId}/use', { params: { path: { id: ticket.id, templateId } } }));
      message.success('已使用该模板');
      state.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  async function createFromTicket() {
    try {
      const created = await unwrap(api.POST('/api/v1/templates', { body: { fromTicketId: ticket.id } }));
      message.success('已形成经验模板（草稿）');
      void navigate(`/templates/${created.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const eligible = canWrite && ticket.status === 'closed' && (ticket.rating ?? 0) >= MIN_RATING;
  return (
    <Card
      title="经验模板"
      loading={state.loading && !state.data}
      extra={eligible ? <Button onClick={createFromTicket}>形成经验模板</Button> : <Typography.Text type="secondary">同类需求的成功做法</Typography.Text>}
    >
      <ApiErrorAlert error={state.error} />
      {state.data && state.data.length === 0 ? (
        <Empty description="暂无可参考的经验模板" />
      ) : (
        <List<SuggestedTemplate>
          dataSource={state.data ?? []}
          renderItem={({ template: t, score }) => (
            <List.Item
              aria-label={`经验模板：${t.title}`}
              actions={
                canWrite
                  ? [
                      used.has(t.id) ? (
                        <Tag key="used" color="green">
                          已使用
                        </Tag>
                      ) : (
                        <Button key="use" size="small" type="primary" loading={busy === t.id} onClick={() => use(t.id)}>
                          使用
                        </Button>
                      ),
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={<Link to={`/templates/${t.id}`}>{t.title}</Link>}
                description={
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{t.outcome}</Typography.Text>
                    <Typography.Text type="secondary">{`相似度 ${Math.round(score * 100)}% · 使用次数 ${t.usedCount} · 平均评分 ${averageText(t)}`}</Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
