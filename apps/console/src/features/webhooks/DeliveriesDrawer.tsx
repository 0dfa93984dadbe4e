import { useState } from 'react';
import { Drawer, Select, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { useCursorPages } from '../../components/useCursorPages';
import { formatTime } from '../../format/time';
import { DELIVERY_STATUS, EVENT_LABELS, type DeliveryStatus, type Webhook, type WebhookDelivery } from './webhook-api';

const STATUS_OPTIONS = (Object.keys(DELIVERY_STATUS) as DeliveryStatus[]).map((s) => ({ value: s, label: DELIVERY_STATUS[s].label }));

/** The deliveries log of one endpoint, newest first: what was sent, how it went, what is retried when. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const [status, setStatus] = useState<DeliveryStatus>();
  const page = useCursorPages(
    (cursor, signal) => unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id: webhook.id }, query: { status, limit: 50, cursor } }, signal })),
    [webhook.id, status],
  );
  return (
    <Drawer open title={`投递记录：${webhook.url}`} size="large" onClose={onClose}>
      <Select aria-label="投递状态" placeholder="投递状态" allowClear options={STATUS_OPTIONS} value={status} onChange={setStatus} style={{ minWidth: 140, marginBottom: 16 }} />
      <ApiErrorAlert error={page.error} />
      <ListTable<WebhookDelivery>
        size="small"
        loading={page.loading}
        rows={page.data?.items}
        empty="暂无投递记录"
        columns={[
          { title: '事件', dataIndex: 'eventType', render: (e: WebhookDelivery['eventType']) => EVENT_LABELS[e] ?? e },
          { title: '状态', dataIndex: 'status', render: (s: DeliveryStatus) => <Tag color={DELIVERY_STATUS[s].color}>{DELIVERY_STATUS[s].label}</Tag> },
          { title: '尝试次数', dataIndex: 'attempts' },
          { title: '响应', key: 'response', render: (_, d) => <DeliveryResponse delivery={d} /> },
          { title: '下次重试', dataIndex: 'nextAttemptAt', render: formatTime },
          { title: '创建时间', dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      {page.pager}
    </Drawer>
  );
}

function DeliveryResponse({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.lastError) return <Typography.Text type="danger">{delivery.lastError}</Typography.Text>;
  if (delivery.lastStatusCode === null) return <>—</>;
  return <Typography.Text title={delivery.lastResponse ?? undefined}>HTTP {delivery.lastStatusCode}</Typography.Text>;
}
