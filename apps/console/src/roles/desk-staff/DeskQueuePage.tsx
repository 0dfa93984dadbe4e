import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Typography, type TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Ticket } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { ticketName } from '../../features/tickets/ticket-api';
import { TICKET_COLUMNS, TicketTable } from '../../features/tickets/TicketTable';
import { useTicketChanges } from '../../features/tickets/useTicketChanges';
import { assigneesOf, loadDeskQueue, queueFiltersOf, type QueueFilters } from './desk-queue';
import { QueueFilterBar } from './QueueFilterBar';

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/**
 * 工作队列: the open tickets of my desks, soonest SLA deadline first, with filters kept in the
 * address; new and changed tickets show up by themselves (useTicketChanges).
 */
export function DeskQueuePage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = queueFiltersOf(params);
  const key = params.toString();
  const queue = useApi((signal) => loadDeskQueue(filters, key, signal), [key]);
  useTicketChanges(queue.reload, queue.loading);
  const zones = useApi((signal) => unwrap(api.GET('/api/v1/zones', { params: { query: { limit: 200 } }, signal })), []);
  const zoneNames = useMemo(() => new Map((zones.data?.items ?? []).map((z) => [z.id, z.name])), [zones.data]);
  const colleagues = useColleagues(queue.data?.tickets, user.id);

  function setFilter(name: keyof QueueFilters, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  const current = queue.data?.key === key ? queue.data : undefined;
  const zoneOf = (t: Ticket) => ticketName(t, 'zoneName') ?? zoneNames.get(t.zoneId) ?? '—';
  const assigneeOf = (t: Ticket) => (t.assigneeId === user.id ? '我' : t.assigneeId ? (ticketName(t, 'assigneeName') ?? '其他同事') : '未指派');
  const columns: TableColumnsType<Ticket> = [
    { ...TICKET_COLUMNS.sla, responsive: undefined },
    TICKET_COLUMNS.title,
    { title: '园区', key: 'zone', render: (_, t) => zoneOf(t) },
    ...(user.desks.length > 1 ? [TICKET_COLUMNS.type] : []),
    TICKET_COLUMNS.status,
    { title: '经办人', key: 'assignee', render: (_, t) => assigneeOf(t) },
    TICKET_COLUMNS.createdAt,
  ];

  return (
    <>
      <PageTitle title="工作队列" />
      <QueueFilterBar filters={filters} setFilter={setFilter} user={user} zones={zones.data?.items ?? []} colleagues={colleagues} />
      <ApiErrorAlert error={queue.error} />
      {current?.truncated && <Alert type="warning" showIcon title="部分状态的工单过多，只载入了最新提交的一部分；请用筛选缩小范围" style={{ marginBottom: 16 }} />}
      <Card title={<QueueSummary tickets={current?.tickets} statusFiltered={Boolean(filters.status)} />} extra={current && <LiveNote at={current.loadedAt} />}>
        <TicketTable
          tickets={current?.tickets}
          loading={!current}
          empty="队列中没有工单"
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => `共 ${total} 件` }}
        />
      </Card>
    </>
  );
}

/** People seen holding tickets of my desks, kept across reloads so a chosen one stays named while filtered by. */
function useColleagues(tickets: Ticket[] | undefined, myId: string): Map<string, string> {
  const [known, setKnown] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    if (!tickets) return;
    const found = assigneesOf(tickets, myId);
    setKnown((prev) => ([...found].every(([id, name]) => prev.get(id) === name) ? prev : new Map([...prev, ...found])));
  }, [tickets, myId]);
  return known;
}

function QueueSummary({ tickets, statusFiltered }: { tickets: Ticket[] | undefined; statusFiltered: boolean }) {
  if (!tickets) return <span>我的窗口工单</span>;
  const now = Date.now();
  const late = tickets.filter((t) => t.sla.stage && t.sla.dueAt && Date.parse(t.sla.dueAt) <= now).length;
  return (
    <span>
      {statusFiltered ? '筛选结果' : '在办工单'}：{tickets.length} 件
      {late > 0 && <Typography.Text type="danger">，其中 {late} 件已超期</Typography.Text>}
      ，按时限先后排列
    </span>
  );
}

/** Says the queue keeps itself current, and since when this view is. */
function LiveNote({ at }: { at: Date }) {
  return (
    <Typography.Text type="secondary" aria-live="off">
      自动更新 · {TIME.format(at)}
    </Typography.Text>
  );
}
