import { Link } from 'react-router';
import { Table } from 'antd';
import type { ZoneStanding } from './dashboard-data';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** The zones ranked: each count opens the zone's tickets (filtered as far as GET /tickets can). */
export function LeagueTable({ rows }: { rows: ZoneStanding[] }) {
  return (
    <Table<ZoneStanding>
      rowKey="zoneId"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '暂无数据' }}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 64 },
        { title: '园区', dataIndex: 'zoneName', render: (name: string, r) => <Link to={`/tickets?zoneId=${r.zoneId}`}>{name}</Link> },
        { title: '提交', dataIndex: 'filed', render: (n: number, r) => <Link to={`/tickets?zoneId=${r.zoneId}`}>{n}</Link> },
        { title: '在办', dataIndex: 'open' },
        { title: '待确认办结', dataIndex: 'awaitingConfirmation', render: (n: number, r) => <Link to={`/tickets?zoneId=${r.zoneId}&status=completed`}>{n}</Link> },
        { title: '已办结', dataIndex: 'closed', render: (n: number, r) => <Link to={`/tickets?zoneId=${r.zoneId}&status=closed`}>{n}</Link> },
        { title: '办结率', dataIndex: 'completionRate', render: percent },
        { title: '平均评分', dataIndex: 'averageRating', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
        { title: '逾期', dataIndex: 'overdue', render: (n: number, r) => (n ? <Link to={`/tickets?zoneId=${r.zoneId}&overdue=true`}>{n}</Link> : 0) },
      ]}
    />
  );
}
