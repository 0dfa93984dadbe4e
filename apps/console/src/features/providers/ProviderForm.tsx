import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Provider, ProviderFormValues } from './provider-api';
import { changedFields, PROVIDER_KIND_OPTIONS } from './provider-api';
import { api, unwrap } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { SERVICE_TYPE_OPTIONS } from '../../labels/options';

const MAX_CAPACITY = 10000;

/** 新建服务机构. */
export function CreateProviderButton({ onDone }: { onDone: () => void }) {
  return (
    <FormModal<ProviderFormValues>
      label="新建服务机构"
      primary
      submitLabel="创建"
      successMessage="服务机构已创建"
      initialValues={{ province: '安徽省', capacity: 5 }}
      onSubmit={(body) => unwrap(api.POST('/api/v1/providers', { body }))}
      onDone={onDone}
    >
      <ProviderFields />
    </FormModal>
  );
}

/** 编辑 one provider: sends only what changed (PATCH); 停用 stops new matches to it. */
export function EditProviderButton({ provider, onDone }: { provider: Provider; onDone: () => void }) {
  const { id, name, kind, serviceTypes, capacity, cities, province, tags, email, active } = provider;
  return (
    <FormModal<ProviderFormValues>
      label="编辑"
      size="small"
      submitLabel="保存"
      successMessage="服务机构已更新"
      initialValues={{ name, kind, serviceTypes, capacity, cities, province, tags, email, active }}
      onSubmit={(values) => {
        // The generated type marks province required (it has a default): send the one it has.
        const body = { province, ...changedFields(provider, values) };
        return unwrap(api.PATCH('/api/v1/providers/{id}', { params: { path: { id } }, body }));
      }}
      onDone={onDone}
    >
      <ProviderFields editing />
    </FormModal>
  );
}

function ProviderFields({ editing = false }: { editing?: boolean }) {
  return (
    <>
      <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="机构类别" rules={[{ required: true, message: '请选择机构类别' }]}>
        <Select options={PROVIDER_KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="serviceTypes" label="服务类型" rules={[{ required: true, message: '请至少选择一个服务类型' }]}>
        <Select mode="multiple" options={SERVICE_TYPE_OPTIONS} />
      </Form.Item>
      <Form.Item name="capacity" label="服务容量" extra="可同时承接的工单数" rules={[{ required: true, message: '请填写服务容量' }]}>
        <InputNumber min={1} max={MAX_CAPACITY} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="email" label="联系邮箱" extra="服务推荐邮件发往此地址" rules={[{ required: true, type: 'email', message: '请填写有效的邮箱地址' }]}>
        <Input maxLength={254} />
      </Form.Item>
      <Form.Item name="province" label="所在省份" rules={[{ required: true, whitespace: true, message: '请填写所在省份' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="cities" label="服务城市" extra="留空表示全省">
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="输入城市后回车" />
      </Form.Item>
      <Form.Item name="tags" label="标签">
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="输入后回车" />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label="启用" valuePropName="checked" extra="停用后不再为新工单推荐此机构">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      )}
    </>
  );
}
