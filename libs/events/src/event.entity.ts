import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AggregateType, EventName } from './event-catalogue';

/** The `event` table: the event log and the transactional outbox. */
@Entity('event')
export class EventEntity {
  // Assigned by the bigserial default; orders the log.
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: EventName;

  @Column('text')
  aggregateType: AggregateType;

  @Column('uuid')
  aggregateId: string;

  @Column({ type: 'uuid', nullable: true })
  zoneId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column('jsonb')
  payload: unknown;

  @Column('timestamptz')
  occurredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
