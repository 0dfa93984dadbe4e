import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Modal, type ButtonProps } from 'antd';
import { ApiError, errorMessage, fieldErrors } from '../api/errors';

export interface FormModalProps<V, R = unknown> {
  /** The verb: the button's name and the dialog's title. */
  label: string;
  danger?: boolean;
  primary?: boolean;
  size?: ButtonProps['size'];
  defaultOpen?: boolean;
  submitLabel?: string;
  /** The toast after success; `false` for none (the caller shows the result itself). */
  successMessage?: string | false;
  width?: number;
  initialValues?: Partial<V>;
  intro?: ReactNode;
  onSubmit: (values: V) => Promise<R>;
  /** After success: reload what the page shows (and show the result, if the caller wants to). */
  onDone: (result: R) => void;
  /** A refusal the caller handles itself, e.g. a ticket's 409; `true` closes the dialog. */
  onRefused?: (error: ApiError) => boolean;
  children: ReactNode;
}

/**
 * A button that opens a form in a dialog and sends it. The API's refusal is shown in its own
 * words, each detail on the field it names, and the dialog stays open with what was typed.
 */
export function FormModal<V extends object, R = unknown>(props: FormModalProps<V, R>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: V) {
    setBusy(true);
    setError(null);
    try {
      const result = await props.onSubmit(values);
      if (props.successMessage !== false) message.success(props.successMessage ?? `${props.label}成功`);
      setOpen(false);
      form.resetFields();
      props.onDone(result);
    } catch (e) {
      if (e instanceof ApiError && props.onRefused?.(e)) {
        setOpen(false);
        return;
      }
      form.setFields(fieldErrors(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button type={props.primary ? 'primary' : 'default'} danger={props.danger} size={props.size} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal
        title={props.label}
        open={open}
        width={props.width}
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
