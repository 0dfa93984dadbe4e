import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { EVENT_OPTIONS, type RegisteredWebhook, type RegisterWebhook } from './webhook-api';

/** 新建 Webhook; the signing secret is in the answer only, so it is shown once, right after. */
export function CreateWebhookButton({ onDone }: { onDone: () => void }) {
  const [created, setCreated] = useState<RegisteredWebhook | null>(null);
  return (
    <>
      <FormModal<RegisterWebhook, RegisteredWebhook>
        label="新建 Webhook"
        primary
        submitLabel="创建"
        successMessage={false}
        width={640}
        onSubmit={(body) => unwrap(api.POST('/api/v1/webhooks', { body: { ...body, description: body.description || undefined } }))}
        onDone={(webhook) => {
          setCreated(webhook);
          onDone();
        }}
      >
        <Form.Item name="url" label="接收地址" extra="https:// 或 http://，须为公网地址，不含用户名密码" rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: '请填写以 https:// 或 http:// 开头的接收地址' }]}>
          <Input placeholder="https://hooks.example.cn/enterpark" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input maxLength={200} placeholder="如：园区数据中台" />
        </Form.Item>
        <Form.Item name="events" label="订阅事件" rules={[{ required: true, message: '请至少选择一个事件' }]}>
          <Select mode="multiple" options={EVENT_OPTIONS} optionFilterProp="label" placeholder="选择要推送的事件" />
        </Form.Item>
      </FormModal>
      <Modal title="Webhook 已创建" open={created !== null} destroyOnHidden onOk={() => setCreated(null)} onCancel={() => setCreated(null)} okText="我已保存" cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon title="签名密钥只显示这一次，请立即复制并保存到接收方。" style={{ marginBottom: 16 }} />
        <Typography.Paragraph>接收地址：{created?.url}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: created?.secret }} code aria-label="签名密钥">
          {created?.secret}
        </Typography.Paragraph>
        <Typography.Text type="secondary">按 Standard Webhooks 规范签名：请求头 webhook-id、webhook-timestamp、webhook-signature。</Typography.Text>
      </Modal>
    </>
  );
}
