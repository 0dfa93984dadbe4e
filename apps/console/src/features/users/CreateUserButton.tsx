import { Form, Input, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Zone } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { ROLE_OPTIONS, SERVICE_TYPE_OPTIONS } from '../../labels/options';

type CreateUser = components['schemas']['CreateUserRequest'];

/** 新建用户: a zone manager belongs to a zone, desk staff to one or more desks. */
export function CreateUserButton({ zones, onDone }: { zones: Zone[]; onDone: () => void }) {
  return (
    <FormModal<CreateUser>
      label="新建用户"
      primary
      submitLabel="创建"
      successMessage="用户已创建"
      onSubmit={(body) => unwrap(api.POST('/api/v1/users', { body }))}
      onDone={onDone}
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="email" label="邮箱" rules={[{ required: true, type: 'email', message: '请填写有效的邮箱地址' }]}>
        <Input maxLength={254} autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label="初始密码" extra="至少 10 位；请通过安全渠道告知本人" rules={[{ required: true, min: 10, max: 128, message: '初始密码为 10–128 位' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item noStyle dependencies={['role']}>
        {({ getFieldValue }) => <RoleFields role={getFieldValue('role')} zones={zones} />}
      </Form.Item>
    </FormModal>
  );
}

/** What the chosen role needs: a zone for a zone manager, desks for desk staff. */
function RoleFields({ role, zones }: { role: CreateUser['role'] | undefined; zones: Zone[] }) {
  if (role === 'zone_manager') {
    return (
      <Form.Item name="zoneId" label="所属园区" rules={[{ required: true, message: '请选择园区管理员所属的园区' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={zones.map((z) => ({ value: z.id, label: z.name }))} placeholder="选择园区" />
      </Form.Item>
    );
  }
  if (role === 'desk_staff') {
    return (
      <Form.Item name="desks" label="服务台" rules={[{ required: true, message: '请至少选择一个服务台' }]}>
        <Select mode="multiple" options={SERVICE_TYPE_OPTIONS} placeholder="选择一个或多个服务台" />
      </Form.Item>
    );
  }
  return null;
}
