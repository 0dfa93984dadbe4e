import { EntityManager } from 'typeorm';
import { newId } from '@enterpark/common';
import { AggregateType, DomainEvent, EventName, EventPayloads } from './event-catalogue';
import { EventEntity } from './event.entity';

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

const INSERT_CHUNK = 1000;

/**
 * Appends events inside the caller's transaction: the only way anything reaches a
 * queue. Multi-row inserts, because a 200-item list writes 201 events at once.
 */
export async function appendEvents(manager: EntityManager, events: NewEvent[], at: Date): Promise<DomainEvent[]> {
  const rows = events.map((e) => ({ id: newId(), ...e, occurredAt: at, publishedAt: null }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await manager.createQueryBuilder().insert().into(EventEntity).values(rows.slice(i, i + INSERT_CHUNK)).updateEntity(false).execute();
  }
  return rows.map((r) => ({ ...r, occurredAt: at.toISOString() }) as DomainEvent);
}
