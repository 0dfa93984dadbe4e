import { Form, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Ticket } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { useApi } from '../../components/useApi';
import { assigneesOf } from './desk-queue';

/**
 * 经办人 for the 指派 form. Desk staff may not list users (GET /users is the coordinator's),
 * so the choice is: me, and the colleagues the desk's tickets show holding work, by the
 * name the API gives them. The API checks desk membership again.
 */
export function AssigneeChoice({ ticket }: { ticket: Ticket }) {
  const { user } = useSession();
  const type = ticket.desk ?? ticket.type;
  const desk = useApi((signal) => unwrap(api.GET('/api/v1/tickets', { params: { query: { type, limit: 200 } }, signal })), [type]);
  const colleagues = assigneesOf(desk.data?.items ?? [], user.id);
  const options = [{ value: user.id, label: `我（${user.name}）` }, ...[...colleagues].map(([value, label]) => ({ value, label }))].filter(
    (o) => o.value !== ticket.assigneeId,
  );
  return (
    <Form.Item name="assigneeId" label="经办人" rules={[{ required: true, message: '请选择经办人' }]} extra="可选择本人，或本窗口正在经办工单的同事">
      <Select options={options} loading={desk.loading} placeholder="选择经办人" />
    </Form.Item>
  );
}
