import { api, unwrap } from '../../api/client';
import type { DemandList, ListedTicket } from '../../api/types';

export interface ListProgress {
  closed: number;
  total: number;
}

export interface DemandListRow extends DemandList {
  progress: ListProgress;
}

export function progressOf(tickets: ListedTicket[]): ListProgress {
  return { closed: tickets.filter((t) => t.status === 'closed').length, total: tickets.length };
}

export const PAGE_SIZE = 20;

/**
 * A page of demand lists with each one's progress (已办结 x / y). The list endpoint carries no
 * counts, so each list's tickets are read alongside (one request per list, in parallel).
 */
export async function loadDemandListPage(cursor: string | undefined, signal: AbortSignal): Promise<{ rows: DemandListRow[]; nextCursor: string | null }> {
  const page = await unwrap(api.GET('/api/v1/demand-lists', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));
  const rows = await Promise.all(
    page.items.map(async (list) => {
      const detail = await unwrap(api.GET('/api/v1/demand-lists/{id}', { params: { path: { id: list.id } }, signal }));
      return { ...list, progress: progressOf(detail.tickets) };
    }),
  );
  return { rows, nextCursor: page.nextCursor };
}
