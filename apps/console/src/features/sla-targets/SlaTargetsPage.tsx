import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { components } from '../../api/schema';
import type { ServiceType } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';

type SlaTargets = components['schemas']['SlaTargetsResponse'];
type Targets = components['schemas']['UpdateSlaTargetsRequest'];

/** The API's bounds (working days). */
const STAGES: { key: keyof Targets; label: string; max: number }[] = [
  { key: 'triageDays', label: '受理时限', max: 60 },
  { key: 'matchingDays', label: '匹配时限', max: 60 },
  { key: 'serviceDays', label: '服务时限', max: 250 },
];

/**
 * SLA 目标: each type's working-day targets for its three stages. A change applies to
 * stages that start after it; running ones keep the deadline they were given.
 */
export function SlaTargetsPage() {
  const state = useApi((signal) => unwrap(api.GET('/api/v1/sla-targets', { signal })), []);
  return (
    <>
      <PageTitle title="SLA 目标" />
      <Typography.Paragraph type="secondary">
        各服务类型三个阶段的时限，按法定工作日计算：受理（分派 → 受理）、匹配（受理 → 匹配成功）、服务（匹配成功 → 办结，受理时另定期限的以其为准）。修改只影响之后开始的阶段。
      </Typography.Paragraph>
      <ApiErrorAlert error={state.error} />
      <Card>
        <ListTable<SlaTargets>
          rowKey="type"
          loading={state.loading}
          rows={state.data?.items}
          empty="暂无数据"
          columns={[
            { title: '服务类型', dataIndex: 'type', render: (t: ServiceType) => SERVICE_TYPE_LABELS[t] },
            { title: '时限（工作日）', key: 'form', render: (_, row) => <TargetsForm row={row} onSaved={state.reload} /> },
            { title: '更新时间', dataIndex: 'updatedAt', responsive: ['md'], render: formatTime },
          ]}
        />
      </Card>
    </>
  );
}

function TargetsForm({ row, onSaved }: { row: SlaTargets; onSaved: () => void }) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const name = SERVICE_TYPE_LABELS[row.type];

  async function save(body: Targets) {
    setSaving(true);
    try {
      await unwrap(api.PUT('/api/v1/sla-targets/{type}', { params: { path: { type: row.type } }, body }));
      message.success(`${name}的时限已保存`);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<Targets> layout="inline" initialValues={row} onFinish={save} aria-label={`${name}时限`}>
      {STAGES.map((s) => (
        <Form.Item key={s.key} name={s.key} label={s.label} rules={[{ required: true, message: `请填写${s.label}` }]}>
          <InputNumber aria-label={`${name}${s.label}`} min={1} max={s.max} precision={0} style={{ width: 80 }} />
        </Form.Item>
      ))}
      <Button htmlType="submit" loading={saving}>
        保存
      </Button>
    </Form>
  );
}
