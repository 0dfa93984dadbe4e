import { Link } from 'react-router';
import { Alert, Card, Descriptions, Form, Select, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { TicketWithHistory } from '../../api/types';
import { currentSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useApi } from '../../components/useApi';
import { PROBLEM_STATUS_COLORS, PROBLEM_STATUS_LABELS } from './problem-labels';

const pathOf = (id: string) => ({ params: { path: { id } } });

/**
 * 一类问题: the problem this ticket belongs to and, once resolved, its resolution, which the
 * desk may complete the ticket with. Coordinators add a ticket in no problem to an open one.
 */
export function TicketProblemCard({ ticket, onChanged }: { ticket: TicketWithHistory; onChanged: () => void }) {
  const state = useApi((signal) => unwrap(api.GET('/api/v1/tickets/{id}/problem', { ...pathOf(ticket.id), signal })), [ticket.id, ticket.history.length]);
  const role = currentSession()?.user.role;
  const problem = state.data?.problem;
  if (!state.data && !state.error) return null;
  if (!problem && role !== 'coordinator') return null;
  const reload = () => {
    state.reload();
    onChanged();
  };
  return (
    <Card title="一类问题归集">
      <ApiErrorAlert error={state.error} />
      {problem ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="所属问题">
            <Space>
              {role === 'zone_manager' ? problem.title : <Link to={`/problems/${problem.id}`}>{problem.title}</Link>}
              <Tag color={PROBLEM_STATUS_COLORS[problem.status]}>{PROBLEM_STATUS_LABELS[problem.status]}</Tag>
            </Space>
          </Descriptions.Item>
          {problem.resolution && <Descriptions.Item label="办理结果">{problem.resolution}</Descriptions.Item>}
          {problem.resolution && ticket.allowedActions.includes('complete') && (
            <Descriptions.Item label="办结">
              <FormModal<object>
                label="以归集办理结果办结"
                primary
                size="small"
                intro={<Alert type="info" showIcon title={`办理结果：${problem.resolution}`} style={{ marginBottom: 16 }} />}
                onSubmit={() => unwrap(api.POST('/api/v1/tickets/{id}/complete', { ...pathOf(ticket.id), body: { outcome: problem.resolution! } }))}
                onDone={reload}
              >
                <Typography.Text>办结后由园区确认并评价。</Typography.Text>
              </FormModal>
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <AddToProblem ticketId={ticket.id} onDone={reload} />
      )}
    </Card>
  );
}

function AddToProblem({ ticketId, onDone }: { ticketId: string; onDone: () => void }) {
  const open = useApi(async (signal) => (await unwrap(api.GET('/api/v1/problems', { params: { query: { status: 'open', limit: 200 } }, signal }))).items, []);
  return (
    <Space>
      <Typography.Text type="secondary">该工单尚未归入任何问题。</Typography.Text>
      <FormModal<{ problemId: string }> label="加入问题" size="small" onSubmit={({ problemId }) => unwrap(api.POST('/api/v1/problems/{id}/tickets', { ...pathOf(problemId), body: { ticketIds: [ticketId] } }))} onDone={onDone}>
        <Form.Item name="problemId" label="办理中的问题" rules={[{ required: true, message: '请选择问题' }]}>
          <Select aria-label="问题" options={(open.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.ticketCount} 张工单）` }))} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
