import { Alert, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import type { ActivityKind, TicketMatch } from '../../api/types';
import { ActionFormModal } from '../../features/tickets/ActionFormModal';
import type { TicketView } from '../../features/tickets/ticket-api';
import { ACTIVITY_KIND_LABELS } from '../../labels/labels';
import { ProviderChoice } from './ProviderChoice';
import { DAY_FORMAT, type DeskActionProps } from './TriageActions';

const KIND_OPTIONS = (Object.keys(ACTIVITY_KIND_LABELS) as ActivityKind[]).map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));

const pathOf = (id: string) => ({ params: { path: { id } } });

/** 匹配 by hand: the chosen provider serves the ticket at once (an open proposal is withdrawn). */
export function MatchAction({ ticket, view, onDone }: DeskActionProps & { view: TicketView }) {
  const proposal = view.matches.find((m) => m.status === 'proposed');
  const intro = proposal
    ? `已向「${proposal.providerName}」发出服务邀请，尚未答复；人工匹配将撤回该邀请，所选机构直接成为服务机构。`
    : '所选服务机构直接成为本工单的服务机构。';
  return (
    <ActionFormModal<{ providerId: string }>
      label="匹配"
      intro={<Alert type="info" showIcon title={intro} style={{ marginBottom: 16 }} />}
      onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/match', { ...pathOf(ticket.id), body }))}
      onDone={onDone}
    >
      <ProviderChoice ticket={ticket} matches={view.matches} />
    </ActionFormModal>
  );
}

/** 记录服务 (a visit, a session …) done on a day up to today. */
export function ActivityAction({ ticket, onDone }: DeskActionProps) {
  return (
    <ActionFormModal<{ date: Dayjs; kind: ActivityKind; notes: string }>
      label="记录服务"
      primary={!ticket.allowedActions.includes('complete')}
      initialValues={{ date: dayjs() }}
      onSubmit={({ date, kind, notes }) => unwrap(api.POST('/api/v1/tickets/{id}/activities', { ...pathOf(ticket.id), body: { date: date.format(DAY_FORMAT), kind, notes } }))}
      onDone={onDone}
    >
      <Form.Item name="date" label="服务日期" rules={[{ required: true, message: '请选择服务日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="kind" label="服务形式" rules={[{ required: true, message: '请选择服务形式' }]}>
        <Select options={KIND_OPTIONS} placeholder="走访、对接会、培训……" />
      </Form.Item>
      <Form.Item name="notes" label="服务内容" rules={[{ required: true, whitespace: true, message: '请填写服务内容' }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}

export function CompleteAction({ ticket, onDone }: DeskActionProps) {
  return (
    <ActionFormModal<{ outcome: string; notes?: string }>
      label="办结"
      primary
      intro={<Alert type="info" showIcon title="办结后由园区确认并评价" style={{ marginBottom: 16 }} />}
      onSubmit={({ outcome, notes }) => unwrap(api.POST('/api/v1/tickets/{id}/complete', { ...pathOf(ticket.id), body: { outcome, notes: notes || undefined } }))}
      onDone={onDone}
    >
      <Form.Item name="outcome" label="办理结果" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="notes" label="备注">
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}

interface AnswerProps {
  match: TicketMatch;
  canAccept: boolean;
  canDecline: boolean;
  onDone: () => void;
}

/** Answering a proposal on the provider's behalf (POST /matches/:id/accept | decline), as its emailed link would. */
export function ProposalAnswers({ match, canAccept, canDecline, onDone }: AnswerProps) {
  return (
    <Space wrap>
      {canAccept && (
        <ActionFormModal<object> label="代为接受" primary submitLabel="确认接受" onSubmit={() => unwrap(api.POST('/api/v1/matches/{id}/accept', pathOf(match.id)))} onDone={onDone}>
          <Typography.Paragraph>确认由窗口代「{match.providerName}」接受本工单的服务邀请？接受后工单进入已匹配，可开始记录服务。</Typography.Paragraph>
        </ActionFormModal>
      )}
      {canDecline && (
        <ActionFormModal<{ reason: string }>
          label="代为拒绝"
          danger
          submitLabel="确认拒绝"
          onSubmit={(body) => unwrap(api.POST('/api/v1/matches/{id}/decline', { ...pathOf(match.id), body }))}
          onDone={onDone}
        >
          <Typography.Paragraph>代「{match.providerName}」拒绝后，系统将推荐下一家服务机构。</Typography.Paragraph>
          <Form.Item name="reason" label="拒绝原因" rules={[{ required: true, whitespace: true, message: '请填写拒绝原因' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </ActionFormModal>
      )}
    </Space>
  );
}
