import { ServiceType } from '@enterpark/common';
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
  data: unknown;
}

/** The SLA sweep's questions: which clocks need a deadline, a reminder or an escalation. */
export type SlaTimer = 'unscheduled' | 'breach' | 'unscheduled-escalation' | 'escalation';
