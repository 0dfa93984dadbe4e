import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { ApiError, errorMessage, fieldPath } from '../../api/errors';
import { ACTION_LABELS, STATUS_LABELS } from '../../labels/labels';
import type { TicketAction, TicketStatus } from '../../api/types';

interface ActionFormModalProps<V> {
  /** The verb: the button's name and the dialog's title. */
  label: string;
  danger?: boolean;
  primary?: boolean;
  defaultOpen?: boolean;
  submitLabel?: string;
  initialValues?: Partial<V>;
  intro?: ReactNode;
  onSubmit: (values: V) => Promise<unknown>;
  /** After success, and after a 409 saying the ticket moved on: reload what the page shows. */
  onDone: () => void;
  children: ReactNode;
}

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
 * words, on the fields it names; a 409 because the ticket moved on reloads it and says its
 * current status and what is allowed now.
 */
export function ActionFormModal<V extends object>(props: ActionFormModalProps<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: V) {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values);
      message.success(`${props.label}成功`);
      setOpen(false);
      form.resetFields();
      props.onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && MOVED_ON.has(e.code ?? '')) {
        message.warning({ content: movedOnMessage(e), duration: 8 });
        setOpen(false);
        props.onDone();
        return;
      }
      const details = e instanceof ApiError ? e.details : [];
      form.setFields(details.map((d) => ({ name: fieldPath(d.field) as never, errors: [d.message] })));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button type={props.primary ? 'primary' : 'default'} danger={props.danger} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal
        title={props.label}
        open={open}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            取消
          </Button>,
          <Button key="submit" type="primary" danger={props.danger} loading={busy} onClick={() => form.submit()}>
            {props.submitLabel ?? '提交'}
          </Button>,
        ]}
      >
        {props.intro}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Form<V> form={form} layout="vertical" initialValues={props.initialValues} onFinish={submit} preserve={false}>
          {props.children}
        </Form>
      </Modal>
    </>
  );
}
