import { Alert, Form, Input, Select, Switch } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { User, Zone } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { SERVICE_TYPE_OPTIONS } from '../../labels/options';

type UpdateUser = components['schemas']['UpdateUserRequest'];

/** Only what the form changed: desks in another order are the same desks. */
function changes(user: User, values: UpdateUser): UpdateUser {
  const body: UpdateUser = {};
  if (values.name !== undefined && values.name.trim() !== user.name) body.name = values.name;
  if (values.active !== undefined && values.active !== user.active) body.active = values.active;
  if (values.zoneId !== undefined && values.zoneId !== user.zoneId) body.zoneId = values.zoneId;
  if (values.desks !== undefined && [...values.desks].sort().join() !== [...user.desks].sort().join()) body.desks = values.desks;
  return body;
}

/**
 * 编辑 one account: name, 启用 / 停用, the desks of desk staff, the zone of a zone manager (roles
 * do not change). Nobody deactivates themselves: the switch is off limits on one's own row.
 */
export function EditUserButton({ user, zones, self, onDone }: { user: User; zones: Zone[]; self: boolean; onDone: () => void }) {
  const { name, active, desks, zoneId } = user;
  return (
    <FormModal<UpdateUser>
      label="编辑"
      size="small"
      submitLabel="保存"
      successMessage="用户已更新"
      initialValues={{ name, active, ...(user.role === 'desk_staff' ? { desks } : {}), ...(user.role === 'zone_manager' ? { zoneId: zoneId ?? undefined } : {}) }}
      intro={<Alert type="info" showIcon title="停用账号、更改服务台或所属园区后，该用户需重新登录；已登录的页面最迟 1 分钟内失效。" style={{ marginBottom: 16 }} />}
      onSubmit={(values) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: changes(user, values) }))}
      onDone={onDone}
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={100} />
      </Form.Item>
      {user.role === 'zone_manager' && (
        <Form.Item name="zoneId" label="所属园区" rules={[{ required: true, message: '请选择所属园区' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={zones.map((z) => ({ value: z.id, label: z.name }))} />
        </Form.Item>
      )}
      {user.role === 'desk_staff' && (
        <Form.Item name="desks" label="服务台" rules={[{ required: true, message: '请至少选择一个服务台' }]}>
          <Select mode="multiple" options={SERVICE_TYPE_OPTIONS} />
        </Form.Item>
      )}
      <Form.Item name="active" label="启用" valuePropName="checked" extra={self ? '不能停用自己的账号' : '停用后不能登录，不再分派工单、不再收到邮件'}>
        <Switch checkedChildren="启用" unCheckedChildren="停用" disabled={self} />
      </Form.Item>
    </FormModal>
  );
}
