export const TICKET_STATUSES = [
  'submitted',
  'routed',
  'triaged',
  'needs_info',
  'matching',
  'matched',
  'in_service',
  'completed',
  'closed',
  'rejected',
  'cancelled',
] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket still occupies its assignee. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['completed', 'closed', 'rejected', 'cancelled'];
