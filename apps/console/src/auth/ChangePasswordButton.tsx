import { Form, Input } from 'antd';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { FormModal } from '../components/FormModal';
import { startSession } from './session';

interface ChangePassword {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 修改密码, for every role: the API ends every session of the account and answers a new token
 * for this tab, which takes it over, so the person stays signed in here.
 */
export function ChangePasswordButton() {
  return (
    <FormModal<ChangePassword, components['schemas']['ChangePasswordResponse']>
      label="修改密码"
      size="small"
      submitLabel="保存"
      successMessage="密码已修改，其他已登录的设备需重新登录"
      intro={<p>新密码至少 10 位，包含字母、数字、符号中的至少两类，且至少 6 个不同字符。</p>}
      onSubmit={({ currentPassword, newPassword }) => unwrap(api.POST('/api/v1/users/me/password', { body: { currentPassword, newPassword } }))}
      onDone={(session) => startSession({ token: session.accessToken, user: session.user })}
    >
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" rules={[{ required: true, min: 10, max: 128, message: '新密码为 10–128 位' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
