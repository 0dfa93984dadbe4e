import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { ApiError, errorMessage, fieldPath } from '../../api/errors';
import { STATUS_LABELS } from '../../labels/labels';
import type { TicketStatus } from '../../api/types';

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
  /** After success, and after a 409 (the ticket moved on): reload what the page shows. */
  onDone: () => void;
  children: ReactNode;
}

/**
 * A ticket action as a button that opens its form. The API's refusal is shown in its own
 * words, on the fields it names; a 409 says the ticket's current status and reloads it.
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
      if (e instanceof ApiError && e.status === 409) {
        const status = e.extra('status') as TicketStatus | undefined;
        message.warning(`${e.message}${status ? `（当前状态：${STATUS_LABELS[status] ?? status}）` : ''}`);
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
