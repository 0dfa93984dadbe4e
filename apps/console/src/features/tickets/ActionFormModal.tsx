import { App } from 'antd';
import type { TicketStatus } from '../../api/types';
import { FormModal, type FormModalProps } from '../../components/FormModal';
import { STATUS_LABELS } from '../../labels/labels';

type ActionFormModalProps<V> = Omit<FormModalProps<V>, 'onRefused' | 'onDone'> & {
  /** After success, and after a 409 (the ticket moved on): reload what the page shows. */
  onDone: () => void;
};

/**
 * A ticket action as a button that opens its form. A 409 (the ticket moved on) closes the
 * form, says the ticket's current status and reloads it; other refusals stay on the form.
 */
export function ActionFormModal<V extends object>(props: ActionFormModalProps<V>) {
  const { message } = App.useApp();
  return (
    <FormModal<V>
      {...props}
      onDone={() => props.onDone()}
      onRefused={(e) => {
        if (e.status !== 409) return false;
        const status = e.extra('status') as TicketStatus | undefined;
        message.warning(`${e.message}${status ? `（当前状态：${STATUS_LABELS[status] ?? status}）` : ''}`);
        props.onDone();
        return true;
      }}
    />
  );
}
