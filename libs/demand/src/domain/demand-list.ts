import { createHash } from 'node:crypto';
import { newId } from '@enterpark/common';
import { NewEvent, newEvent } from '@enterpark/events';
import { submitTicket, Ticket, TicketDraft } from '@enterpark/tickets';

/** Limits of a demand list; the API's request DTO enforces the same numbers. */
export const DEMAND_LIST_LIMITS = {
  maxItems: 200,
  titleLength: 200,
  periodLength: 50,
  itemTitleLength: 200,
  descriptionLength: 1000,
  maxTags: 10,
  tagLength: 30,
  contactNameLength: 50,
  contactPhoneLength: 40,
  idempotencyKeyLength: 200,
} as const;

export type DemandListStatus = 'open' | 'completed' | 'cancelled';

export interface DemandList {
  id: string;
  zoneId: string;
  title: string;
  period: string | null;
  status: DemandListStatus;
  filedBy: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  itemCount: number;
  createdAt: Date;
}

/** A list as the console shows it: its zone by name and its progress (已办结 x / y) among the tickets the caller sees. */
export interface DemandListView extends DemandList {
  zoneName: string;
  ticketCount: number;
  /** Tickets completed, closed, rejected or cancelled. */
  finishedCount: number;
}

export interface DemandListDraft {
  title: string;
  period?: string;
  items: TicketDraft[];
}

export interface FiledDemandList {
  list: DemandList;
  tickets: Ticket[];
  events: NewEvent[];
}

/** Fingerprint of what was asked, to tell a retry from a different request under the same key. */
export function requestHash(zoneId: string, draft: DemandListDraft): string {
  const canonical = {
    zoneId,
    title: draft.title,
    period: draft.period ?? null,
    // The contact joins the fingerprint only when given, so keys stored before it existed still match their retries.
    items: draft.items.map((i) => {
      const item: unknown[] = [i.type, i.title, i.description ?? null, i.desiredBy ?? null, i.tags ?? []];
      return i.contactName || i.contactPhone ? [...item, i.contactName ?? null, i.contactPhone ?? null] : item;
    }),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** A zone files a list: one ticket per item, a `ticket.submitted` per ticket and one `demand_list.filed`. */
export function fileDemandList(
  zoneId: string,
  filedBy: string,
  draft: DemandListDraft,
  idempotencyKey: string | null,
  now: Date,
): FiledDemandList {
  const list: DemandList = {
    id: newId(),
    zoneId,
    title: draft.title,
    period: draft.period ?? null,
    status: 'open',
    filedBy,
    idempotencyKey,
    requestHash: idempotencyKey ? requestHash(zoneId, draft) : null,
    itemCount: draft.items.length,
    createdAt: now,
  };
  const submitted = draft.items.map((item, seq) => submitTicket(newId(), list, seq + 1, item, now));
  const filed = newEvent('demand_list.filed', {
    aggregateType: 'demand_list',
    aggregateId: list.id,
    zoneId,
    actorId: filedBy,
    payload: { demandListId: list.id, zoneId, ticketIds: submitted.map((s) => s.ticket.id) },
  });
  return { list, tickets: submitted.map((s) => s.ticket), events: [filed, ...submitted.map((s) => s.event)] };
}
