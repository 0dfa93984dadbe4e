import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AnswerVia, MatchOrigin, MatchStatus } from '../domain/ticket-match';

const at = { type: 'timestamptz', nullable: true } as const;

@Entity('ticket_match')
export class TicketMatchEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') ticketId: string;
  @Column('uuid') providerId: string;
  @Column('text') status: MatchStatus;
  @Column('text') origin: MatchOrigin;
  @Column('jsonb') reasons: Record<string, number>;
  @Column('timestamptz') proposedAt: Date;
  @Column(at) expiresAt: Date | null;
  @Column(at) answeredAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ type: 'text', nullable: true }) answeredVia: AnswerVia | null;
  @Column({ type: 'text', nullable: true }) declineReason: string | null;
  @Column(at) endedAt: Date | null;
}
