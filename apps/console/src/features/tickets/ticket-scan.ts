import { api, unwrap } from '../../api/client';
import { readAllPages, type AllPages } from '../../api/pages';
import type { operations } from '../../api/schema';
import type { Ticket } from '../../api/types';

type TicketQuery = Omit<NonNullable<operations['TicketsController_list']['parameters']['query']>, 'cursor' | 'limit'>;

/** Every ticket matching `query` (pages of the API's largest size, 200), up to `max`. */
export function scanTickets(query: TicketQuery, max: number, signal: AbortSignal): Promise<AllPages<Ticket>> {
  return readAllPages((cursor) => unwrap(api.GET('/api/v1/tickets', { params: { query: { ...query, limit: 200, cursor } }, signal })), max);
}
