import { ServiceType } from '@enterpark/common';
import { Ticket } from '../domain/ticket';
import { TicketStatus } from '../domain/ticket-status';

export interface TicketFilter {
  type?: ServiceType;
  status?: TicketStatus;
  zoneId?: string;
  assigneeId?: string;
  demandListId?: string;
  /** Past the zone's desired date and not finished. */
  overdue?: boolean;
  /** Words in the title, description or tags (the similarity index's terms), else a substring. */
  q?: TextQuery;
}

/**
 * A text search: the text as typed and the words the similarity index's segmenter cuts it into,
 * rarest first (by the index's document counts: the search walks the first word's tickets). A
 * ticket matches when its indexed terms hold every word; with no words (a single character, a
 * stop word) the text is matched as a case-insensitive substring of title or description instead.
 */
export interface TextQuery {
  text: string;
  words: readonly string[];
}

export interface TicketHistoryEntry {
  type: string;
  at: Date;
  actorId: string | null;
  /** The person who acted; null for a worker (or a provider through its link). */
  actorName: string | null;
  data: unknown;
}

/** The names a person reads next to a ticket's ids. */
export interface TicketNames {
  zoneName: string;
  demandListTitle: string;
  assigneeName: string | null;
  /** The provider of the open match (proposed or accepted), else the one that served the ticket. */
  providerName: string | null;
}

export type NamedTicket = Ticket & TicketNames;

/** The SLA sweep's questions: which clocks need a deadline, a reminder or an escalation. */
export type SlaTimer = 'unscheduled' | 'breach' | 'unscheduled-escalation' | 'escalation';
