import { Link } from 'react-router';
import { Table, Typography } from 'antd';
import type { ServiceType, Ticket, TicketStatus } from '../../api/types';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { SlaBadge } from './SlaBadge';
import { StatusTag } from './StatusTag';

/** Tickets as a table: title (to its page), type, status, the running SLA, filing time. */
export function TicketTable({ tickets, loading, empty = '暂无工单' }: { tickets: Ticket[] | undefined; loading?: boolean; empty?: string }) {
  return (
    <Table<Ticket>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tickets}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      columns={[
        { title: '工单', dataIndex: 'title', render: (t: string, row) => <Link to={`/tickets/${row.id}`}>{t}</Link> },
        { title: '服务类型', dataIndex: 'type', responsive: ['sm'], render: (t: ServiceType) => SERVICE_TYPE_LABELS[t] },
        { title: '状态', dataIndex: 'status', render: (s: TicketStatus) => <StatusTag status={s} /> },
        { title: '时限', key: 'sla', responsive: ['md'], render: (_, row) => <SlaBadge sla={row.sla} /> },
        { title: '提交时间', dataIndex: 'createdAt', responsive: ['lg'], render: (v: string) => <Typography.Text type="secondary">{formatTime(v)}</Typography.Text> },
      ]}
    />
  );
}
