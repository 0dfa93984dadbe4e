import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Flex, Input, Select, Switch, Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ServiceType, Ticket, TicketStatus } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, STATUS_LABELS } from '../../labels/labels';
import { SlaBadge } from './SlaBadge';
import { StatusTag } from './StatusTag';

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as TicketStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const TYPE_OPTIONS = SERVICE_TYPES.map((t) => ({ value: t, label: SERVICE_TYPE_LABELS[t] }));

/** The filters of GET /tickets, kept in the page's address (so a link or a reload keeps them). */
function filtersOf(params: URLSearchParams) {
  return {
    type: (params.get('type') ?? undefined) as ServiceType | undefined,
    status: (params.get('status') ?? undefined) as TicketStatus | undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    q: params.get('q') ?? undefined,
  };
}

/** 工单: the caller's tickets (the API scopes them), filtered by type, status, overdue and text. */
export function TicketListPage({ title = '工单' }: { title?: string }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const key = params.toString();
  const page = useApi(
    (signal) => unwrap(api.GET('/api/v1/tickets', { params: { query: { ...filters, limit: 50, cursor } }, signal })),
    [key, cursor],
  );

  function setFilter(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([undefined]);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageTitle title={title} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Select aria-label="服务类型" placeholder="服务类型" allowClear options={TYPE_OPTIONS} value={filters.type} onChange={(v) => setFilter('type', v)} style={{ minWidth: 160 }} />
          <Select aria-label="状态" placeholder="状态" allowClear options={STATUS_OPTIONS} value={filters.status} onChange={(v) => setFilter('status', v)} style={{ minWidth: 140 }} />
          <label>
            <Flex gap={6} align="center">
              <Switch size="small" checked={filters.overdue ?? false} onChange={(on) => setFilter('overdue', on ? 'true' : undefined)} />
              <span>仅看逾期</span>
            </Flex>
          </label>
          <Input.Search aria-label="搜索" placeholder="搜索标题或说明" allowClear defaultValue={filters.q} onSearch={(v) => setFilter('q', v.trim() || undefined)} style={{ maxWidth: 260 }} />
        </Flex>
      </Card>
      <ApiErrorAlert error={page.error} />
      <Card>
        <TicketTable tickets={page.data?.items} loading={page.loading} />
        <Flex gap={8} style={{ marginTop: 16 }}>
          {cursors.length > 1 && <Button onClick={() => setCursors((c) => c.slice(0, -1))}>上一页</Button>}
          {page.data?.nextCursor && <Button onClick={() => setCursors((c) => [...c, page.data!.nextCursor!])}>下一页</Button>}
        </Flex>
      </Card>
    </>
  );
}

/** The columns tickets are shown with: title (to its page), type, status, the running SLA, filing time. */
export const TICKET_COLUMNS = {
  title: { title: '工单', key: 'title', dataIndex: 'title', render: (t: string, row: Ticket) => <Link to={`/tickets/${row.id}`}>{t}</Link> },
  type: { title: '服务类型', key: 'type', dataIndex: 'type', responsive: ['sm'], render: (t: ServiceType) => SERVICE_TYPE_LABELS[t] },
  status: { title: '状态', key: 'status', dataIndex: 'status', render: (s: TicketStatus) => <StatusTag status={s} /> },
  sla: { title: '时限', key: 'sla', responsive: ['md'], render: (_: unknown, row: Ticket) => <SlaBadge sla={row.sla} /> },
  createdAt: {
    title: '提交时间',
    key: 'createdAt',
    dataIndex: 'createdAt',
    responsive: ['lg'],
    render: (v: string) => <Typography.Text type="secondary">{formatTime(v)}</Typography.Text>,
  },
} satisfies Record<string, TableColumnsType<Ticket>[number]>;

const DEFAULT_COLUMNS: TableColumnsType<Ticket> = [TICKET_COLUMNS.title, TICKET_COLUMNS.type, TICKET_COLUMNS.status, TICKET_COLUMNS.sla, TICKET_COLUMNS.createdAt];

interface TicketTableProps {
  tickets: Ticket[] | undefined;
  loading?: boolean;
  empty?: string;
  columns?: TableColumnsType<Ticket>;
  pagination?: TablePaginationConfig | false;
}

/** Tickets as a table, by default with TICKET_COLUMNS in their order and no paging. */
export function TicketTable({ tickets, loading, empty = '暂无工单', columns = DEFAULT_COLUMNS, pagination = false }: TicketTableProps) {
  return (
    <Table<Ticket>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tickets}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      columns={columns}
    />
  );
}
