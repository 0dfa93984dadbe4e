import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceType } from '@enterpark/common';
import type { TicketStatus } from '../domain/ticket-status';

@Entity('ticket')
export class TicketEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  demandListId: string;

  @Column('uuid')
  zoneId: string;

  @Column('int')
  seq: number;

  @Column('text')
  type: ServiceType;

  @Column('text')
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'date', nullable: true })
  desiredBy: string | null;

  @Column('text', { array: true })
  tags: string[];

  @Column('text')
  status: TicketStatus;

  @Column({ type: 'text', nullable: true })
  desk: ServiceType | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column('int')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  routedAt: Date | null;

  @Column('timestamptz')
  updatedAt: Date;
}
