import { Alert, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import type { ServiceType, TicketWithHistory } from '../../api/types';
import { ActionFormModal } from '../../features/tickets/ActionFormModal';
import { PRIORITY_LABELS, type TicketPriority } from '../../features/tickets/ticket-labels';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../../labels/labels';
import { AssigneeChoice } from './AssigneeChoice';

export interface DeskActionProps {
  ticket: TicketWithHistory;
  onDone: () => void;
}

const PRIORITY_OPTIONS = (Object.keys(PRIORITY_LABELS) as TicketPriority[]).map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));
export const DAY_FORMAT = 'YYYY-MM-DD';

const pathOf = (ticket: TicketWithHistory) => ({ params: { path: { id: ticket.id } } });

/** 受理 {priority?, dueAt?}: a date alone is due at 24:00 of that day (Shanghai), as the API reads it. */
export function AcceptAction({ ticket, onDone }: DeskActionProps) {
  return (
    <ActionFormModal<{ priority: TicketPriority; dueAt?: Dayjs }>
      label="受理"
      primary
      initialValues={{ priority: 'normal' }}
      onSubmit={({ priority, dueAt }) => unwrap(api.POST('/api/v1/tickets/{id}/accept', { ...pathOf(ticket), body: { priority, dueAt: dueAt?.format(DAY_FORMAT) } }))}
      onDone={onDone}
    >
      <Form.Item name="priority" label="优先级">
        <Select options={PRIORITY_OPTIONS} />
      </Form.Item>
      <Form.Item name="dueAt" label="要求完成日期" extra="可不填；填写后以当日 24:00 为完成期限">
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </ActionFormModal>
  );
}

export function RequestInfoAction({ ticket, onDone }: DeskActionProps) {
  return (
    <ActionFormModal<{ question: string }> label="要求补充" onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/request-info', { ...pathOf(ticket), body }))} onDone={onDone}>
      <Form.Item name="question" label="需要园区补充的内容" rules={[{ required: true, whitespace: true, message: '请填写需要补充的内容' }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}

export function RejectAction({ ticket, onDone }: DeskActionProps) {
  return (
    <ActionFormModal<{ reason: string }>
      label="驳回"
      danger
      submitLabel="确认驳回"
      onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/reject', { ...pathOf(ticket), body }))}
      onDone={onDone}
    >
      <Form.Item name="reason" label="驳回原因" rules={[{ required: true, whitespace: true, message: '请填写驳回原因' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}

/** 退单: a misrouted ticket goes back to the coordinators, who reroute it. */
export function ReturnAction({ ticket, onDone }: DeskActionProps) {
  const types = SERVICE_TYPES.filter((t) => t !== ticket.type).map((t) => ({ value: t, label: SERVICE_TYPE_LABELS[t] }));
  return (
    <ActionFormModal<{ reason: string; suggestedType?: ServiceType }>
      label="退单"
      intro={<Alert type="info" showIcon title="退单后由协调员裁定改派" style={{ marginBottom: 16 }} />}
      onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/return', { ...pathOf(ticket), body }))}
      onDone={onDone}
    >
      <Form.Item name="reason" label="退单原因" rules={[{ required: true, whitespace: true, message: '请填写退单原因' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="suggestedType" label="建议改派至">
        <Select allowClear placeholder="可不选" options={types} />
      </Form.Item>
    </ActionFormModal>
  );
}

export function AssignAction({ ticket, onDone }: DeskActionProps) {
  return (
    <ActionFormModal<{ assigneeId: string }> label="指派" onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/assign', { ...pathOf(ticket), body }))} onDone={onDone}>
      <AssigneeChoice ticket={ticket} />
    </ActionFormModal>
  );
}
