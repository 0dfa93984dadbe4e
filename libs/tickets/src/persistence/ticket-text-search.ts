import { SelectQueryBuilder } from 'typeorm';
import { AccessScope } from '@enterpark/common';
import { TextQuery, TicketFilter } from './ticket-query';
import { TicketEntity } from './ticket.entity';

/** The columns a list is ordered and paged by (newest first, then id), as SQL of the statement. */
export interface ListOrder {
  createdAt: string;
  id: string;
}

/** Every list without a text search, and with one over a zone's, an assignee's, a list's or a status's tickets. */
export const TICKET_ORDER: ListOrder = { createdAt: 't.createdAt', id: 't.id' };
const POSTING_ORDER: ListOrder = { createdAt: 'p.created_at', id: 'p.ticket_id' };

/**
 * A ticket holding `word` (a parameter name), looked up per row: OFFSET 0 keeps the planner from
 * turning it into a join that reads every posting of a common word.
 */
const holds = (alias: string, word: string, ticket: ListOrder) =>
  `EXISTS (SELECT 1 FROM ticket_term_posting ${alias} WHERE ${alias}.term = :${word} AND ${alias}.created_at = ${ticket.createdAt} AND ${alias}.ticket_id = ${ticket.id} OFFSET 0)`;

/**
 * A text search's words are matched on their postings (ticket_term_posting, migration
 * 1765500000000: each word's tickets newest first, each entry with the ticket's zone and type).
 * - A zone's, an assignee's or a demand list's tickets are few (hundreds) and have an index in
 *   the list's order: they are walked, and each is looked up under every word. Walking the
 *   word's postings instead would pass every other zone's (60,000 entries for 融资). A status
 *   (or overdue) is walked the same way, through its own index: the postings know no status,
 *   and the newest tickets are seldom closed (融资 for a clerk passed 5,300 postings to find a
 *   closed one; a needs_info ticket with the word is found on its index in 7 ms against 24).
 * - Otherwise the rarest word's postings are walked in the list's order (the statement is then
 *   ordered and paged by the posting's columns, equal to the ticket's, so the index gives the
 *   order). A desk's scope and the type filter are decided on the index entry, before any
 *   ticket is read; every other word is looked up under the same ticket, and the ticket is read
 *   for the rest (its scope again, status, dates) only once all its words are found. A desk's
 *   scope is its type on the posting: a routed ticket's desk is its type (rerouting clears the
 *   desk with the type change, and the trigger moves the postings).
 * Answers the order the list must use.
 */
export function applyTextSearch(qb: SelectQueryBuilder<TicketEntity>, scope: AccessScope, filter: TicketFilter, q: TextQuery): ListOrder {
  qb.setParameters(Object.fromEntries(q.words.map((w, i) => [`textWord${i}`, w])));
  if (scope.kind === 'zone' || filter.zoneId || filter.assigneeId || filter.demandListId || filter.status || filter.overdue) {
    q.words.forEach((_, i) => qb.andWhere(holds(`w${i}`, `textWord${i}`, TICKET_ORDER)));
    return TICKET_ORDER;
  }
  qb.innerJoin('ticket_term_posting', 'p', 'p.ticket_id = t.id AND p.term = :textWord0');
  if (scope.kind === 'desks') qb.andWhere('p.type IN (:...postingTypes)', { postingTypes: scope.desks.length ? scope.desks : ['-'] });
  if (filter.type) qb.andWhere('p.type = :postingType', { postingType: filter.type });
  for (let i = 1; i < q.words.length; i++) qb.andWhere(holds(`w${i}`, `textWord${i}`, POSTING_ORDER));
  return POSTING_ORDER;
}
