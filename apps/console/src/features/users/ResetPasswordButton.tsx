import { useState } from 'react';
import { Alert, Modal, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { User } from '../../api/types';
import { FormModal } from '../../components/FormModal';

type ResetPassword = components['schemas']['ResetPasswordResponse'];

/**
 * 重置密码: the API generates the new password and answers it once (it keeps only a hash), so it
 * is shown right after, to be passed on in person; the account's sessions end at once.
 */
export function ResetPasswordButton({ user }: { user: User }) {
  const [reset, setReset] = useState<ResetPassword | null>(null);
  return (
    <>
      <FormModal<object, ResetPassword>
        label="重置密码"
        size="small"
        danger
        submitLabel="重置"
        successMessage={false}
        intro={<Typography.Paragraph>将为 {user.name}（{user.email}）生成新密码。原密码立即失效，该用户已登录的页面需重新登录。</Typography.Paragraph>}
        onSubmit={() => unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } } }))}
        onDone={setReset}
      >
        {null}
      </FormModal>
      <Modal title="密码已重置" open={reset !== null} destroyOnHidden onOk={() => setReset(null)} onCancel={() => setReset(null)} okText="我已告知" cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon title="新密码只显示这一次，请当面或电话告知本人，并提醒其登录后修改密码。" style={{ marginBottom: 16 }} />
        <Typography.Paragraph>
          {reset?.user.name}（{reset?.user.email}）
        </Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: reset?.password }} code aria-label="新密码">
          {reset?.password}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
