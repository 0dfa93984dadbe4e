import type { ServiceType, Ticket, TicketStatus } from '../../api/types';
import { shanghaiDay } from '../../format/time';
import { isoWeekOf, recentWeeks } from '../digests/iso-week';

export type SlaStage = 'triage' | 'matching' | 'service';

export interface TypeStatusCount {
  type: ServiceType;
  status: TicketStatus;
  count: number;
}

export interface WeekFlow {
  week: string;
  filed: number;
  completed: number;
}

/** Tickets now in the stage: within its deadline, or flagged late (催办) by the server's sweep. */
export interface StageCompliance {
  stage: SlaStage;
  onTime: number;
  late: number;
}

export interface ZoneStanding {
  rank: number;
  zoneId: string;
  zoneName: string;
  filed: number;
  open: number;
  /** Done by the desk, waiting for the zone's confirmation. */
  awaitingConfirmation: number;
  closed: number;
  /** (awaitingConfirmation + closed) / (filed − rejected − cancelled); null while nothing counts. */
  completionRate: number | null;
  averageRating: number | null;
  /** Past the zone's desired date and not done (as GET /tickets?overdue=true counts). */
  overdue: number;
}

/** The province at a glance; a figure is null when it cannot be computed (shown as 暂无数据, never guessed). */
export interface Dashboard {
  total: number;
  open: number;
  awaitingConfirmation: number;
  closed: number;
  overdue: number;
  byTypeStatus: TypeStatusCount[];
  /** The last 12 ISO weeks and this one, oldest first. */
  trend: WeekFlow[];
  sla: StageCompliance[];
  /** Share of the tickets done (completed or closed) that never missed a stage deadline. */
  doneWithoutBreach: number | null;
  league: ZoneStanding[];
}

const TREND_WEEKS = 12;
const STAGES: SlaStage[] = ['triage', 'matching', 'service'];
const FINAL: TicketStatus[] = ['closed', 'rejected', 'cancelled'];
const NOT_COUNTED: TicketStatus[] = ['rejected', 'cancelled'];
/** What the API's overdue filter treats as finished. */
const FINISHED: TicketStatus[] = ['completed', 'closed', 'rejected', 'cancelled'];
const isDone = (t: Ticket) => t.status === 'completed' || t.status === 'closed';
const isOverdue = (t: Ticket, today: string) => t.desiredBy !== null && t.desiredBy < today && !FINISHED.includes(t.status);

/**
 * The dashboard's figures from every ticket the caller may see. `today` is the server's
 * (Asia/Shanghai), so weeks and overdue dates follow the same clock as the API.
 */
export function dashboardOf(tickets: readonly Ticket[], zoneNames: ReadonlyMap<string, string>, today: string): Dashboard {
  const done = tickets.filter(isDone);
  return {
    total: tickets.length,
    open: tickets.filter((t) => !FINAL.includes(t.status)).length,
    awaitingConfirmation: tickets.filter((t) => t.status === 'completed').length,
    closed: tickets.filter((t) => t.status === 'closed').length,
    overdue: tickets.filter((t) => isOverdue(t, today)).length,
    byTypeStatus: byTypeStatus(tickets),
    trend: trendOf(tickets, today),
    sla: STAGES.map((stage) => {
      const inStage = tickets.filter((t) => t.sla.stage === stage && !FINAL.includes(t.status));
      const late = inStage.filter((t) => t.sla.breachedAt !== null).length;
      return { stage, onTime: inStage.length - late, late };
    }),
    doneWithoutBreach: done.length ? done.filter((t) => t.sla.breaches === 0).length / done.length : null,
    league: leagueOf(tickets, zoneNames, today),
  };
}

function byTypeStatus(tickets: readonly Ticket[]): TypeStatusCount[] {
  const counts = new Map<string, TypeStatusCount>();
  for (const t of tickets) {
    const key = `${t.type}/${t.status}`;
    const entry = counts.get(key) ?? { type: t.type, status: t.status, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

function trendOf(tickets: readonly Ticket[], today: string): WeekFlow[] {
  const weeks = recentWeeks(today, TREND_WEEKS - 1).reverse().map((w): WeekFlow => ({ week: w.value, filed: 0, completed: 0 }));
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  for (const t of tickets) {
    const filed = byWeek.get(isoWeekOf(shanghaiDay(t.createdAt)));
    if (filed) filed.filed++;
    const completed = t.completedAt ? byWeek.get(isoWeekOf(shanghaiDay(t.completedAt))) : undefined;
    if (completed) completed.completed++;
  }
  return weeks;
}

/** Best first: the higher completion rate, the better rating, more filed; the name settles ties. */
function leagueOf(tickets: readonly Ticket[], zoneNames: ReadonlyMap<string, string>, today: string): ZoneStanding[] {
  const byZone = new Map<string, Ticket[]>();
  for (const t of tickets) {
    const list = byZone.get(t.zoneId);
    if (list) list.push(t);
    else byZone.set(t.zoneId, [t]);
  }
  const rows = [...byZone].map(([zoneId, zoneTickets]): Omit<ZoneStanding, 'rank'> => {
    const counted = zoneTickets.filter((t) => !NOT_COUNTED.includes(t.status)).length;
    const closed = zoneTickets.filter((t) => t.status === 'closed').length;
    const awaitingConfirmation = zoneTickets.filter((t) => t.status === 'completed').length;
    const ratings = zoneTickets.map((t) => t.rating).filter((r): r is number => r !== null);
    return {
      zoneId,
      zoneName: zoneNames.get(zoneId) ?? '未知园区',
      filed: zoneTickets.length,
      open: zoneTickets.filter((t) => !FINAL.includes(t.status)).length,
      awaitingConfirmation,
      closed,
      completionRate: counted ? (closed + awaitingConfirmation) / counted : null,
      averageRating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
      overdue: zoneTickets.filter((t) => isOverdue(t, today)).length,
    };
  });
  return rows
    .sort(
      (a, b) =>
        (b.completionRate ?? -1) - (a.completionRate ?? -1) ||
        (b.averageRating ?? 0) - (a.averageRating ?? 0) ||
        b.filed - a.filed ||
        a.zoneName.localeCompare(b.zoneName, 'zh-CN'),
    )
    .map((row, i) => ({ ...row, rank: i + 1 }));
}
