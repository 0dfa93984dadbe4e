import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useCursorPages } from '../../components/useCursorPages';
import { formatTime } from '../../format/time';
import { CreateWebhookButton } from './CreateWebhookButton';
import { DeliveriesDrawer } from './DeliveriesDrawer';
import { EVENT_LABELS, type Webhook } from './webhook-api';

/** Webhooks: the endpoints events are pushed to (signed), their deliveries, 新建 and 删除. */
export function WebhooksPage() {
  const { message } = App.useApp();
  const [shown, setShown] = useState<Webhook | null>(null);
  const page = useCursorPages((cursor, signal) => unwrap(api.GET('/api/v1/webhooks', { params: { query: { limit: 50, cursor } }, signal })), []);

  async function remove(webhook: Webhook) {
    try {
      await unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } } }));
      message.success('Webhook 已删除，待投递的消息已取消');
      page.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      <PageTitle title="Webhooks" extra={<CreateWebhookButton onDone={page.reload} />} />
      <ApiErrorAlert error={page.error} />
      <Card>
        <ListTable<Webhook>
          loading={page.loading}
          rows={page.data?.items}
          empty="暂无 Webhook"
          columns={[
            {
              title: '接收地址',
              dataIndex: 'url',
              render: (url: string, w) => (
                <Flex vertical>
                  <Typography.Text code>{url}</Typography.Text>
                  {w.description && <Typography.Text type="secondary">{w.description}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: '订阅事件',
              dataIndex: 'events',
              render: (events: Webhook['events']) => (
                <Tooltip title={events.map((e) => EVENT_LABELS[e]).join('、')}>
                  <span>{events.length} 种</span>
                </Tooltip>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Webhook['status'], w) => (s === 'active' ? <Tag color="green">启用</Tag> : <Tag color="red" title={w.disabledReason ?? undefined}>已停用</Tag>),
            },
            { title: '创建时间', dataIndex: 'createdAt', responsive: ['lg'], render: formatTime },
            {
              title: '操作',
              key: 'actions',
              render: (_, w) => (
                <Flex gap={8}>
                  <Button size="small" onClick={() => setShown(w)}>
                    投递记录
                  </Button>
                  <Popconfirm title="删除后不再向此地址推送，待投递的消息将取消（投递记录保留）" okText="删除" cancelText="取消" onConfirm={() => remove(w)}>
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
        {page.pager}
      </Card>
      {shown && <DeliveriesDrawer webhook={shown} onClose={() => setShown(null)} />}
    </>
  );
}
