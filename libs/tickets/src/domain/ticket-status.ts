export const TICKET_STATUSES = [
  'submitted',
  'routed',
  'triaged',
  'needs_info',
  'returned',
  'matching',
  'matched',
  'in_service',
  'completed',
  'closed',
  'rejected',
  'cancelled',
] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket no longer occupies its assignee. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['completed', 'closed', 'rejected', 'cancelled'];

/** Statuses after which nothing more happens to the ticket; a list is complete when all its tickets are here. */
export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'rejected', 'cancelled'];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const ACTIVITY_KINDS = ['visit', 'meeting', 'training_session', 'media_coverage', 'financing_session', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const TICKET_LIMITS = { reasonLength: 500, textLength: 2000, outcomeLength: 2000, maxActivities: 500 } as const;
