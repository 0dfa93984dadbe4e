import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';
import type { SlaStage, TicketPriority } from '@enterpark/events';
import type { TicketStatus } from '../domain/ticket-status';

const at = { type: 'timestamptz', nullable: true } as const;

@Entity('ticket')
export class TicketEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') demandListId: string;
  @Column('uuid') zoneId: string;
  @Column('int') seq: number;
  @Column('text') type: ServiceType;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'date', nullable: true }) desiredBy: string | null;
  @Column('text', { array: true }) tags: string[];
  @Column({ type: 'text', nullable: true }) contactName: string | null;
  @Column({ type: 'text', nullable: true }) contactPhone: string | null;
  @Column('text') status: TicketStatus;
  @Column({ type: 'text', nullable: true }) desk: ServiceType | null;
  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column('int') version: number;
  @Column('timestamptz') createdAt: Date;
  @Column(at) routedAt: Date | null;
  @Column('timestamptz') updatedAt: Date;
  @Column({ type: 'text', nullable: true }) priority: TicketPriority | null;
  @Column(at) dueAt: Date | null;
  @Column(at) acceptedAt: Date | null;
  @Column(at) matchedAt: Date | null;
  @Column(at) firstActivityAt: Date | null;
  @Column(at) completedAt: Date | null;
  @Column(at) closedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) providerId: string | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'smallint', nullable: true }) rating: number | null;
  @Column('int') round: number;
  @Column('int') activityCount: number;
  @Column(at) matchingEscalatedAt: Date | null;
  @Column({ type: 'text', nullable: true }) slaStage: SlaStage | null;
  @Column(at) slaStartedAt: Date | null;
  @Column(at) slaDueAt: Date | null;
  @Column(at) slaBreachedAt: Date | null;
  @Column(at) slaEscalateAt: Date | null;
  @Column(at) slaEscalatedAt: Date | null;
  @Column('int') slaBreaches: number;
}
