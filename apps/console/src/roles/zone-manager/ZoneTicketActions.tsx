import { useSearchParams } from 'react-router';
import { Alert, Form, Input, Radio, Rate } from 'antd';
import { api, unwrap } from '../../api/client';
import type { TicketWithHistory } from '../../api/types';
import { ActionFormModal } from '../../features/tickets/ActionFormModal';

interface ActionProps {
  ticket: TicketWithHistory;
  onDone: () => void;
}

/**
 * The zone's own actions on its ticket: 补充信息, 确认办结, 撤回 — each shown only when the
 * API lists it as allowed.
 */
export function ZoneTicketActions({ ticket, onDone }: ActionProps) {
  const allowed = new Set(ticket.allowedActions);
  return (
    <>
      {allowed.has('provide-info') && <ProvideInfoAction ticket={ticket} onDone={onDone} />}
      {allowed.has('confirm') && <ConfirmAction ticket={ticket} onDone={onDone} />}
      {allowed.has('cancel') && <CancelAction ticket={ticket} onDone={onDone} />}
    </>
  );
}

const pathOf = (ticket: TicketWithHistory) => ({ params: { path: { id: ticket.id } } });

/** The latest question the desk asked (the one 补充信息 answers). */
function openQuestion(ticket: TicketWithHistory): string | undefined {
  const asked = ticket.history.filter((h) => h.type === 'ticket.info_requested').at(-1);
  return (asked?.data as { question?: string } | undefined)?.question;
}

function ProvideInfoAction({ ticket, onDone }: ActionProps) {
  const question = openQuestion(ticket);
  return (
    <ActionFormModal<{ answer: string }>
      label="补充信息"
      primary
      intro={question && <Alert type="info" showIcon title={`窗口的问题：${question}`} style={{ marginBottom: 16 }} />}
      onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/provide-info', { ...pathOf(ticket), body }))}
      onDone={onDone}
    >
      <Form.Item name="answer" label="补充内容" rules={[{ required: true, whitespace: true, message: '请填写补充内容' }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}

/** 确认办结 with the rating; `?action=confirm` (the email's 确认并评价 link) opens it at once. */
function ConfirmAction({ ticket, onDone }: ActionProps) {
  const [params] = useSearchParams();
  return (
    <ActionFormModal<{ rating: number; solved: boolean; comment?: string }>
      label="确认办结"
      primary
      defaultOpen={params.get('action') === 'confirm'}
      initialValues={{ solved: true }}
      onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/confirm', { ...pathOf(ticket), body: { ...body, comment: body.comment || undefined } }))}
      onDone={onDone}
    >
      <Form.Item name="rating" label="服务评分" rules={[{ required: true, message: '请为本次服务评分（1–5 星）' }]}>
        <Rate aria-label="服务评分" />
      </Form.Item>
      <Form.Item name="solved" label="问题是否解决" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: true, label: '已解决' },
            { value: false, label: '未解决（退回重新办理）' },
          ]}
        />
      </Form.Item>
      <Form.Item name="comment" label="评价">
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}

function CancelAction({ ticket, onDone }: ActionProps) {
  return (
    <ActionFormModal<{ reason: string }>
      label="撤回"
      danger
      submitLabel="确认撤回"
      onSubmit={(body) => unwrap(api.POST('/api/v1/tickets/{id}/cancel', { ...pathOf(ticket), body }))}
      onDone={onDone}
    >
      <Form.Item name="reason" label="撤回原因" rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </ActionFormModal>
  );
}
