import { App } from 'antd';
import type { ApiError } from '../../api/errors';
import type { TicketAction, TicketStatus } from '../../api/types';
import { FormModal, type FormModalProps } from '../../components/FormModal';
import { ACTION_LABELS, STATUS_LABELS } from '../../labels/labels';

type ActionFormModalProps<V> = Omit<FormModalProps<V>, 'onRefused' | 'onDone'> & {
  /** After success, and after a 409 saying the ticket moved on: reload what the page shows. */
  onDone: () => void;
};

/** 409s meaning the ticket (or its proposal) changed since the page loaded; others (a full provider) stay in the form. */
const MOVED_ON = new Set(['TICKET_INVALID_TRANSITION', 'TICKET_VERSION_CONFLICT', 'MATCH_ALREADY_ANSWERED', 'MATCH_PROPOSAL_EXPIRED']);

/** The API's refusal, then the ticket's status and what may be done now when the body carries them. */
function movedOnMessage(e: ApiError): string {
  const status = e.extra('status') as TicketStatus | undefined;
  const allowed = e.extra('allowedActions');
  if (!Array.isArray(allowed)) return e.message;
  const now = allowed.length > 0 ? `现在可以：${(allowed as TicketAction[]).map((a) => ACTION_LABELS[a] ?? a).join('、')}` : '现在没有可执行的操作';
  return `${e.message}（当前状态：${status ? (STATUS_LABELS[status] ?? status) : '未知'}；${now}）`;
}

/**
 * A ticket action as a button that opens its form. The API's refusal is shown in its own
 * words, on the fields it names; a 409 because the ticket moved on closes the form, reloads
 * the ticket and says its current status and what is allowed now.
 */
export function ActionFormModal<V extends object>(props: ActionFormModalProps<V>) {
  const { message } = App.useApp();
  return (
    <FormModal<V>
      {...props}
      onDone={() => props.onDone()}
      onRefused={(e) => {
        if (e.status !== 409 || !MOVED_ON.has(e.code ?? '')) return false;
        message.warning({ content: movedOnMessage(e), duration: 8 });
        props.onDone();
        return true;
      }}
    />
  );
}
