import { ServiceType } from '@enterpark/common';
import { DemandListSummary, TicketSummary } from './summaries';

export type SlaStage = 'triage' | 'matching' | 'service';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

interface OfTicket {
  ticketId: string;
  zoneId: string;
}

/**
 * Every event the system records, with its payload. Payloads carry ids, not
 * entities: consumers re-read the state they act on. Summaries are the exception:
 * they are the record integrations read.
 */
export interface EventPayloads {
  'demand_list.filed': { demandListId: string; zoneId: string; ticketIds: string[] };
  'demand_list.completed': { demandListId: string; zoneId: string; summary: DemandListSummary };
  'ticket.submitted': OfTicket & { demandListId: string; type: ServiceType };
  'ticket.routed': OfTicket & { desk: ServiceType; assigneeId: string | null; rule: string };
  'ticket.accepted': OfTicket & { desk: ServiceType; priority: TicketPriority; dueAt: string | null };
  'ticket.rejected': OfTicket & { demandListId: string; reason: string };
  'ticket.info_requested': OfTicket & { question: string };
  'ticket.info_provided': OfTicket & { answer: string };
  'ticket.returned': OfTicket & { desk: ServiceType; reason: string; suggestedType: ServiceType | null };
  'ticket.rerouted': OfTicket & { fromType: ServiceType; toType: ServiceType; reason: string };
  'ticket.assigned': OfTicket & { desk: ServiceType; fromAssigneeId: string | null; assigneeId: string };
  'ticket.match_proposed': OfTicket & { matchId: string; providerId: string; expiresAt: string | null; reasons: Record<string, unknown> };
  'ticket.match_declined': OfTicket & { matchId: string; providerId: string; via: 'staff' | 'link'; reason: string };
  'ticket.match_expired': OfTicket & { matchId: string; providerId: string };
  'ticket.matching_exhausted': OfTicket & { desk: ServiceType; declined: number; expired: number };
  'ticket.matched': OfTicket & { matchId: string; providerId: string; via: 'staff' | 'link' | 'manual' };
  'ticket.activity_recorded': OfTicket & { activityId: string; day: string; kind: string };
  'ticket.service_completed': OfTicket & { outcome: string; notes: string | null; round: number };
  'ticket.confirmed': OfTicket & { demandListId: string; rating: number; solved: boolean; comment: string | null; round: number };
  'ticket.reopened': OfTicket & { reason: string; round: number };
  'ticket.cancelled': OfTicket & { demandListId: string; reason: string };
  'ticket.completed': OfTicket & { summary: TicketSummary };
  'ticket.closed': OfTicket & { demandListId: string; summary: TicketSummary };
  'ticket.sla_breached': OfTicket & { stage: SlaStage; dueAt: string; assigneeId: string | null; desk: ServiceType | null };
  'ticket.sla_escalated': OfTicket & { stage: SlaStage; dueAt: string; assigneeId: string | null; desk: ServiceType | null };
  'ticket.sla_unscheduled': OfTicket & { stage: SlaStage; missingYear: number };
  /** The ticket joined a problem (一类问题归集); the payload names only the problem, never other zones' tickets. */
  'ticket.problem_linked': OfTicket & { problemId: string; problemTitle: string };
  'ticket.problem_unlinked': OfTicket & { problemId: string; problemTitle: string };
  /** The problem the ticket belongs to was resolved: one event per linked ticket, each carrying the resolution. */
  'ticket.problem_resolved': OfTicket & { problemId: string; problemTitle: string; resolution: string };
  /** A desk started from an experience template (经验模板) on this ticket. */
  'ticket.template_used': OfTicket & { templateId: string; templateTitle: string };
}

export type EventName = keyof EventPayloads;
export type AggregateType = 'demand_list' | 'ticket';

export interface DomainEvent<N extends EventName = EventName> {
  id: string;
  name: N;
  aggregateType: AggregateType;
  aggregateId: string;
  zoneId: string | null;
  actorId: string | null;
  payload: EventPayloads[N];
  occurredAt: string;
}

export const EVENT_NAMES = [
  'demand_list.filed',
  'demand_list.completed',
  'ticket.submitted',
  'ticket.routed',
  'ticket.accepted',
  'ticket.rejected',
  'ticket.info_requested',
  'ticket.info_provided',
  'ticket.returned',
  'ticket.rerouted',
  'ticket.assigned',
  'ticket.match_proposed',
  'ticket.match_declined',
  'ticket.match_expired',
  'ticket.matching_exhausted',
  'ticket.matched',
  'ticket.activity_recorded',
  'ticket.service_completed',
  'ticket.confirmed',
  'ticket.reopened',
  'ticket.cancelled',
  'ticket.completed',
  'ticket.closed',
  'ticket.sla_breached',
  'ticket.sla_escalated',
  'ticket.sla_unscheduled',
  'ticket.problem_linked',
  'ticket.problem_unlinked',
  'ticket.problem_resolved',
  'ticket.template_used',
] as const satisfies readonly EventName[];

// Compile-time proof that EVENT_NAMES lists every event exactly as the payload map does.
type Missing = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const everyEventListed: Missing extends never ? true : Missing = true;
void everyEventListed;
