import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { ServiceType, Ticket, TicketStatus } from '../../api/types';
import { ticketName } from '../../features/tickets/ticket-api';

/** Where a desk still has work or a ticket to watch, in the order a ticket passes them (completed waits on the zone). */
export const QUEUE_STATUSES: TicketStatus[] = ['routed', 'needs_info', 'returned', 'triaged', 'matching', 'matched', 'in_service'];

/** `assigneeId=none` in the address: tickets nobody holds (GET /tickets has no such filter; applied here). */
export const UNASSIGNED = 'none';

const PAGE_SIZE = 200;
/** One status's tickets loaded at most (newest first, as GET /tickets pages them); the page says when more exist. */
const MAX_PER_STATUS = 2000;

type TicketQuery = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;

/** The queue's filters, kept in the page's address with the names GET /tickets uses. */
export interface QueueFilters {
  type?: ServiceType;
  status?: TicketStatus;
  zoneId?: string;
  assigneeId?: string;
  overdue?: boolean;
  q?: string;
}

export function queueFiltersOf(params: URLSearchParams): QueueFilters {
  return {
    type: (params.get('type') ?? undefined) as ServiceType | undefined,
    status: (params.get('status') ?? undefined) as TicketStatus | undefined,
    zoneId: params.get('zoneId') ?? undefined,
    assigneeId: params.get('assigneeId') ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    q: params.get('q') ?? undefined,
  };
}

export interface DeskQueue {
  /** The filters (address query) this answer is for: a page showing other filters is still loading. */
  key: string;
  tickets: Ticket[];
  /** Some status has more tickets than one load takes. */
  truncated: boolean;
  loadedAt: Date;
}

/**
 * The desk's queue: every open ticket of the caller's desks (GET /tickets scopes them),
 * one status at a time because the API takes one status, soonest SLA deadline first
 * (GET /tickets orders by filing time, so the order is made here).
 */
export async function loadDeskQueue(filters: QueueFilters, key: string, signal: AbortSignal): Promise<DeskQueue> {
  const { status, assigneeId, ...rest } = filters;
  const query: TicketQuery = { ...rest, assigneeId: assigneeId === UNASSIGNED ? undefined : assigneeId };
  const loads = await Promise.all((status ? [status] : QUEUE_STATUSES).map((s) => allTickets({ ...query, status: s }, signal)));
  // A ticket that changed status between two of these requests would come twice.
  const byId = new Map(loads.flatMap((l) => l.items).map((t) => [t.id, t]));
  const tickets = [...byId.values()].filter((t) => assigneeId !== UNASSIGNED || t.assigneeId === null);
  return { key, tickets: tickets.sort(bySlaDue), truncated: loads.some((l) => l.truncated), loadedAt: new Date() };
}

async function allTickets(query: TicketQuery, signal: AbortSignal): Promise<{ items: Ticket[]; truncated: boolean }> {
  const items: Ticket[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/v1/tickets', { params: { query: { ...query, limit: PAGE_SIZE, cursor } }, signal }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_PER_STATUS);
  return { items, truncated: cursor !== undefined };
}

/** Soonest SLA deadline first; tickets whose clock is not running (or has no deadline yet) after them, oldest first. */
export function bySlaDue(a: Ticket, b: Ticket): number {
  const due = (t: Ticket) => (t.sla.stage && t.sla.dueAt ? Date.parse(t.sla.dueAt) : Infinity);
  return due(a) - due(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || 0;
}

/** Colleagues the tickets show holding work (id → name), the caller left out: whom a clerk can pick without GET /users. */
export function assigneesOf(tickets: readonly Ticket[], myId: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const t of tickets) {
    const name = ticketName(t, 'assigneeName');
    if (t.assigneeId && t.assigneeId !== myId && name) found.set(t.assigneeId, name);
  }
  return found;
}
