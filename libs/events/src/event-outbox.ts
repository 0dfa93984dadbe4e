import { EntityManager } from 'typeorm';
import { newId } from '@enterpark/common';
import { queryPrepared } from '@enterpark/database';
import { AggregateType, DomainEvent, EventName, EventPayloads } from './event-catalogue';

export interface NewEvent<N extends EventName = EventName> {
  name: N;
  aggregateType: AggregateType;
  aggregateId: string;
  zoneId: string | null;
  actorId: string | null;
  payload: EventPayloads[N];
}

export function newEvent<N extends EventName>(name: N, fields: Omit<NewEvent<N>, 'name'>): NewEvent<N> {
  return { name, ...fields };
}

/**
 * Appends events inside the caller's transaction: the only way anything reaches a
 * queue. Multi-row inserts, because a 200-item list writes 201 events at once.
 */
export async function appendEvents(manager: EntityManager, events: NewEvent[], at: Date): Promise<DomainEvent[]> {
  const rows: DomainEvent[] = events.map((e) => ({ id: newId(), ...e, occurredAt: at.toISOString() }));
  if (rows.length === 0) return rows;
  // One prepared statement with one JSON parameter (cheaper than TypeORM's insert builder); seq comes from the bigserial.
  await queryPrepared(
    manager,
    `INSERT INTO event (id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at)
     SELECT id, name, "aggregateType", "aggregateId", "zoneId", "actorId", payload, "occurredAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(
            id uuid, name text, "aggregateType" text, "aggregateId" uuid, "zoneId" uuid, "actorId" uuid,
            payload jsonb, "occurredAt" timestamptz)`,
    [JSON.stringify(rows)],
  );
  return rows;
}
