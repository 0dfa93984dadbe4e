import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import type { components } from '../../api/schema';

type Weights = components['schemas']['RankingWeightsBody'];

const FIELDS: [keyof Weights, string][] = [
  ['completion', '办结率'],
  ['onTime', '按时办结率'],
  ['satisfaction', '满意率'],
  ['returns', '（1 − 退单率）'],
];

/** 评分权重 (coordinators): four weights that add up to 1; the API checks and names what is wrong. */
export function WeightsCard({ weights, onSaved }: { weights: Weights; onSaved: () => void }) {
  const [form] = Form.useForm<Weights>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  async function save(values: Weights) {
    setBusy(true);
    try {
      await unwrap(api.PUT('/api/v1/rankings/weights', { body: values }));
      message.success('权重已保存');
      onSaved();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(errorMessage(e), 8);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="评分权重" size="small">
      <Typography.Paragraph type="secondary">综合得分 = 100 × 各项比率的加权和，四项权重之和须为 1；无分母的比率不计入，其余权重按比例折算。</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={weights} onFinish={(v) => void save(v)}>
        {FIELDS.map(([name, label]) => (
          <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={1} step={0.05} style={{ width: 90 }} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={busy}>
          保存权重
        </Button>
      </Form>
    </Card>
  );
}
