import { ServiceType } from '@enterpark/common';

/**
 * Every event the system records, with its payload. Payloads carry ids, not
 * entities: consumers re-read the state they act on.
 */
export interface EventPayloads {
  'demand_list.filed': { demandListId: string; zoneId: string; ticketIds: string[] };
  'ticket.submitted': { ticketId: string; demandListId: string; zoneId: string; type: ServiceType };
  'ticket.routed': { ticketId: string; zoneId: string; desk: ServiceType; assigneeId: string | null; rule: string };
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

export const EVENT_NAMES = ['demand_list.filed', 'ticket.submitted', 'ticket.routed'] as const satisfies readonly EventName[];
