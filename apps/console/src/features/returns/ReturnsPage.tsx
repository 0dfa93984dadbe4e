import { Link } from 'react-router';
import { Card, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ServiceType, Ticket } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { useCursorPages } from '../../components/useCursorPages';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { ticketName } from '../tickets/ticket-api';
import { loadAllZones, zoneNames } from '../zones/zone-api';
import { RerouteButton } from './RerouteButton';

interface ReturnedTicket extends Ticket {
  reason: string;
  suggestedType: ServiceType | null;
}

/** The desk's return (the last one: a ticket can come back more than once), read from the ticket's history. */
async function withReturn(ticket: Ticket, signal: AbortSignal): Promise<ReturnedTicket> {
  const detail = await unwrap(api.GET('/api/v1/tickets/{id}', { params: { path: { id: ticket.id } }, signal }));
  const data = (detail.history.filter((h) => h.type === 'ticket.returned').at(-1)?.data ?? {}) as { reason?: string; suggestedType?: ServiceType | null };
  return { ...ticket, reason: data.reason ?? '', suggestedType: data.suggestedType ?? null };
}

/** 退单待裁定: tickets a desk returned as not theirs; the coordinator rules with 改派. */
export function ReturnsPage() {
  const zones = useApi(loadAllZones, []);
  const names = zoneNames(zones.data);
  const page = useCursorPages(async (cursor, signal) => {
    const tickets = await unwrap(api.GET('/api/v1/tickets', { params: { query: { status: 'returned', limit: 50, cursor } }, signal }));
    return { items: await Promise.all(tickets.items.map((t) => withReturn(t, signal))), nextCursor: tickets.nextCursor };
  }, []);
  return (
    <>
      <PageTitle title="退单待裁定" />
      <Typography.Paragraph type="secondary">窗口认为不属于本服务台的工单。改派至其他服务类型，或改派回原窗口要求其受理。</Typography.Paragraph>
      <ApiErrorAlert error={page.error} />
      <Card>
        <ListTable<ReturnedTicket>
          loading={page.loading}
          rows={page.data?.items}
          empty="没有待裁定的退单"
          columns={[
            { title: '工单', dataIndex: 'title', render: (title: string, t) => <Link to={`/tickets/${t.id}`}>{title}</Link> },
            { title: '园区', dataIndex: 'zoneId', render: (id: string, t) => ticketName(t, 'zoneName') ?? names.get(id) ?? '—' },
            { title: '原服务类型', dataIndex: 'type', render: (type: ServiceType) => SERVICE_TYPE_LABELS[type] },
            { title: '退单原因', dataIndex: 'reason' },
            { title: '建议改派至', dataIndex: 'suggestedType', render: (s: ServiceType | null) => (s ? SERVICE_TYPE_LABELS[s] : '—') },
            { title: '退单时间', dataIndex: 'updatedAt', responsive: ['lg'], render: formatTime },
            { title: '操作', key: 'reroute', render: (_, t) => <RerouteButton ticketId={t.id} suggestedType={t.suggestedType ?? undefined} onDone={page.reload} size="small" /> },
          ]}
        />
        {page.pager}
      </Card>
    </>
  );
}
