import { Link } from 'react-router';
import { Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { SimilarTicket } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useApi } from '../../components/useApi';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { StatusTag } from './StatusTag';

const SHOWN = 5;

/**
 * 相似工单: the demands of other zones (and of this one) most like this ticket's, best first,
 * each a link to its page. The similarity is a relative figure (100 % would be the same
 * words); only those above the service's floor come back, so there may be none.
 */
export function SimilarTicketsCard({ ticketId }: { ticketId: string }) {
  const state = useApi(
    async (signal) => (await unwrap(api.GET('/api/v1/tickets/{id}/similar', { params: { path: { id: ticketId }, query: { limit: SHOWN } }, signal }))).items,
    [ticketId],
  );
  return (
    <Card title="相似工单" loading={state.loading && !state.data} extra={<Typography.Text type="secondary">跨园区的同类需求</Typography.Text>}>
      <ApiErrorAlert error={state.error} />
      {state.data && state.data.length === 0 ? (
        <Empty description="暂无相似工单" />
      ) : (
        <List dataSource={state.data ?? []} renderItem={(s) => <SimilarItem similar={s} />} />
      )}
    </Card>
  );
}

function SimilarItem({ similar }: { similar: SimilarTicket }) {
  const percent = Math.round(similar.score * 100);
  return (
    <List.Item
      aria-label={`相似工单：${similar.title}`}
      extra={
        <Space orientation="vertical" align="center" size={0} aria-label={`相似度 ${percent}%`}>
          <Progress type="circle" size={44} percent={percent} format={(p) => `${p}%`} />
          <Typography.Text type="secondary">相似度</Typography.Text>
        </Space>
      }
    >
      <List.Item.Meta
        title={<Link to={`/tickets/${similar.ticketId}`}>{similar.title}</Link>}
        description={
          <Space wrap size={4}>
            <Tag color="blue">{similar.zoneName}</Tag>
            <Tag>{SERVICE_TYPE_LABELS[similar.type]}</Tag>
            <StatusTag status={similar.status} />
          </Space>
        }
      />
    </List.Item>
  );
}
