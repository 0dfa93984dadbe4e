import { Link } from 'react-router';
import { Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { ServiceType, Ticket, TicketStatus } from '../../api/types';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { SlaBadge } from './SlaBadge';
import { StatusTag } from './StatusTag';

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
