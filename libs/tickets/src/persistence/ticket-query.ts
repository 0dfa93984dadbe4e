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
