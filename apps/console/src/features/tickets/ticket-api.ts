import { api, unwrap } from '../../api/client';
import type { Activity, TicketMatch, TicketWithHistory } from '../../api/types';

export interface TicketView {
  ticket: TicketWithHistory;
  activities: Activity[];
  matches: TicketMatch[];
}

/** A ticket with what its page shows around it: the service activities and the matches (for the provider's name). */
export async function loadTicketView(id: string, signal: AbortSignal): Promise<TicketView> {
  const params = { path: { id } };
  const [ticket, activities, matches] = await Promise.all([
    unwrap(api.GET('/api/v1/tickets/{id}', { params, signal })),
    unwrap(api.GET('/api/v1/tickets/{id}/activities', { params, signal })),
    unwrap(api.GET('/api/v1/tickets/{id}/matches', { params, signal })),
  ]);
  return { ticket, activities: activities.items, matches: matches.items };
}

/**
 * A display name the API adds to ticket responses (zoneName, assigneeName, deskName,
 * providerName — CONSOLE-CONTRACT) read without requiring it: pages fall back while an API
 * without these fields answers.
 */
export function ticketName(ticket: object, field: 'zoneName' | 'assigneeName' | 'deskName' | 'providerName'): string | undefined {
  const value = (ticket as Record<string, unknown>)[field];
  return typeof value === 'string' && value ? value : undefined;
}

/** The provider serving the ticket: the API's providerName, else the name on its match. */
export function providerNameOf(view: TicketView): string | undefined {
  const { ticket, matches } = view;
  if (!ticket.providerId) return undefined;
  return ticketName(ticket, 'providerName') ?? matches.filter((m) => m.providerId === ticket.providerId).at(-1)?.providerName;
}
