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
  /** Case-insensitive substring of title or description. */
  q?: string;
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
