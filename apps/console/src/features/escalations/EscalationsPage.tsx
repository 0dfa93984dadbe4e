import { Link } from 'react-router';
import { Alert, Card, Tag, Typography } from 'antd';
import type { Ticket, TicketStatus } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { SERVICE_TYPE_LABELS } from '../../labels/labels';
import { SlaBadge } from '../tickets/SlaBadge';
import { StatusTag } from '../tickets/StatusTag';
import { ticketName } from '../tickets/ticket-api';
import { scanTickets } from '../tickets/ticket-scan';
import { loadAllZones, zoneNames } from '../zones/zone-api';

/** Statuses in which the department is still working: where an SLA stage or matching can be escalated. */
const WORKING: TicketStatus[] = ['routed', 'triaged', 'needs_info', 'returned', 'matching', 'matched', 'in_service'];
const MAX_PER_STATUS = 2000;
const STAGE_LABELS: Record<string, string> = { triage: '受理', matching: '匹配', service: '服务' };

interface Escalated {
  ticket: Ticket;
  at: string;
  why: string;
}

/** Why coordinators have it: a stage still late a working day after the reminder, or no provider left to ask. */
function escalationOf(t: Ticket): Escalated | null {
  if (t.matchingEscalatedAt) return { ticket: t, at: t.matchingEscalatedAt, why: '无可匹配的服务机构，需人工匹配' };
  if (t.sla.escalatedAt) return { ticket: t, at: t.sla.escalatedAt, why: `${STAGE_LABELS[t.sla.stage ?? ''] ?? ''}超时（催办后仍未处理）` };
  return null;
}

/**
 * GET /tickets has no "escalated" filter: the open tickets are read status by status and the
 * escalated ones kept (flags the API sets and clears as stages move). The page says so when
 * there were more open tickets than it reads.
 */
async function loadEscalations(signal: AbortSignal): Promise<{ rows: Escalated[]; complete: boolean }> {
  const scans = await Promise.all(WORKING.map((status) => scanTickets({ status }, MAX_PER_STATUS, signal)));
  const rows = scans
    .flatMap((s) => s.items)
    .map(escalationOf)
    .filter((e): e is Escalated => e !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  return { rows, complete: scans.every((s) => s.complete) };
}

/** 督办: tickets escalated to the coordinators, oldest first. */
export function EscalationsPage() {
  const state = useApi(loadEscalations, []);
  const zones = useApi(loadAllZones, []);
  const names = zoneNames(zones.data);
  return (
    <>
      <PageTitle title="督办" extra={<Link to="/tickets?overdue=true">超过期望完成日期的工单</Link>} />
      <Typography.Paragraph type="secondary">超时经催办一个工作日后仍未处理的工单，以及已无服务机构可推荐、需要协调员人工匹配的工单。</Typography.Paragraph>
      <ApiErrorAlert error={state.error} />
      {state.data && !state.data.complete && (
        <Alert type="warning" showIcon title={`在办工单较多，本页只检查了每种状态的前 ${MAX_PER_STATUS} 件，督办工单可能未全部列出。`} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <ListTable<Escalated>
          rowKey={(e) => e.ticket.id}
          loading={state.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rows={state.data?.rows}
          empty="没有督办中的工单"
          columns={[
            { title: '工单', key: 'title', render: (_, e) => <Link to={`/tickets/${e.ticket.id}`}>{e.ticket.title}</Link> },
            { title: '园区', key: 'zone', render: (_, e) => ticketName(e.ticket, 'zoneName') ?? names.get(e.ticket.zoneId) ?? '—' },
            { title: '服务类型', key: 'type', render: (_, e) => SERVICE_TYPE_LABELS[e.ticket.type] },
            { title: '状态', key: 'status', render: (_, e) => <StatusTag status={e.ticket.status} /> },
            { title: '督办原因', key: 'why', render: (_, e) => <Tag color="red">{e.why}</Tag> },
            { title: '时限', key: 'sla', responsive: ['md'], render: (_, e) => <SlaBadge sla={e.ticket.sla} /> },
            { title: '督办时间', key: 'at', responsive: ['lg'], render: (_, e) => formatTime(e.at) },
          ]}
        />
      </Card>
    </>
  );
}
