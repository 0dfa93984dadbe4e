import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActivityKind } from '../domain/ticket-status';

@Entity('ticket_activity')
export class TicketActivityEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') ticketId: string;
  @Column('date') day: string;
  @Column('text') kind: ActivityKind;
  @Column('text') notes: string;
  @Column('uuid') recordedBy: string;
  @Column('timestamptz') recordedAt: Date;
}
