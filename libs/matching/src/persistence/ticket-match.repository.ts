import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TicketMatch } from '../domain/ticket-match';
import { TicketMatchEntity } from './ticket-match.entity';

export interface TicketMatchView extends TicketMatch {
  providerName: string;
}

/**
 * The matches of tickets. Every change of a match's status happens under its ticket's row
 * lock (taken first by the caller): the ticket lock serialises everything done to its matches.
 */
@Injectable()
export class TicketMatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, match: TicketMatch): Promise<void> {
    await this.insertMany(manager, [match]);
  }

  /** One statement, one JSON parameter (cheaper in CPU than TypeORM's insert builder). */
  async insertMany(manager: EntityManager, matches: TicketMatch[]): Promise<void> {
    if (matches.length === 0) return;
    await manager.query(
      `INSERT INTO ticket_match (id, ticket_id, provider_id, status, origin, reasons, proposed_at, expires_at,
                                 answered_at, answered_by, answered_via, decline_reason, ended_at)
       SELECT id, "ticketId", "providerId", status, origin, reasons, "proposedAt", "expiresAt",
              "answeredAt", "answeredBy", "answeredVia", "declineReason", "endedAt"
         FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, "ticketId" uuid, "providerId" uuid, status text, origin text, reasons jsonb, "proposedAt" timestamptz,
              "expiresAt" timestamptz, "answeredAt" timestamptz, "answeredBy" uuid, "answeredVia" text, "declineReason" text,
              "endedAt" timestamptz)`,
      [JSON.stringify(matches)],
    );
  }

  /** Every match of these tickets, open or not: which providers were asked, and how each ended. */
  async historyOf(manager: EntityManager, ticketIds: string[]): Promise<Pick<TicketMatch, 'ticketId' | 'providerId' | 'status'>[]> {
    return manager.query(
      `SELECT ticket_id AS "ticketId", provider_id AS "providerId", status FROM ticket_match WHERE ticket_id = ANY ($1::uuid[])`,
      [ticketIds],
    );
  }

  /** Writes a status change; `before.status` must still be current (the ticket lock makes it so). */
  async saveChange(manager: EntityManager, before: TicketMatch, after: TicketMatch): Promise<void> {
    const { status, expiresAt, answeredAt, answeredBy, answeredVia, declineReason, endedAt } = after;
    const fields = { status, expiresAt, answeredAt, answeredBy, answeredVia, declineReason, endedAt };
    const result = await manager.update(TicketMatchEntity, { id: before.id, status: before.status }, fields);
    if (result.affected !== 1) throw new Error(`match ${before.id} changed under its ticket lock`);
  }

  findById(id: string): Promise<TicketMatch | null> {
    return this.dataSource.getRepository(TicketMatchEntity).findOne({ where: { id } });
  }

  /** Read inside the transaction that holds the ticket lock: the committed state, current. */
  findForUpdate(manager: EntityManager, id: string): Promise<TicketMatch | null> {
    return manager.getRepository(TicketMatchEntity).findOne({ where: { id } });
  }

  openOf(manager: EntityManager, ticketId: string): Promise<TicketMatch | null> {
    return manager.getRepository(TicketMatchEntity).findOne({ where: { ticketId, status: In(['proposed', 'accepted']) } });
  }

  /** The ticket's open proposal becomes `withdrawn` (the ticket was cancelled); answers how many. */
  async withdrawProposals(manager: EntityManager, ticketIds: string[], now: Date): Promise<number> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE ticket_match SET status = 'withdrawn', ended_at = $2 WHERE ticket_id = ANY($1::uuid[]) AND status = 'proposed'`,
      [ticketIds, now],
    );
    return affected;
  }

  /** The ticket's accepted match becomes `ended`; answers its provider only when this call ended it. */
  async endAccepted(manager: EntityManager, ticketId: string, now: Date): Promise<string | null> {
    const [rows]: [{ provider_id: string }[], number] = await manager.query(
      `UPDATE ticket_match SET status = 'ended', ended_at = $2 WHERE ticket_id = $1 AND status = 'accepted' RETURNING provider_id`,
      [ticketId, now],
    );
    return rows[0]?.provider_id ?? null;
  }

  /** Open proposals of these tickets whose window has passed, in provider order (the order their capacity rows get locked). */
  dueProposals(manager: EntityManager, ticketIds: string[], now: Date): Promise<TicketMatch[]> {
    return manager
      .getRepository(TicketMatchEntity)
      .createQueryBuilder('m')
      .where('m.ticketId IN (:...ticketIds)', { ticketIds })
      .andWhere(`m.status = 'proposed'`)
      .andWhere('m.expiresAt <= :now', { now })
      .orderBy('m.providerId')
      .addOrderBy('m.id')
      .getMany();
  }

  async hasUnscheduled(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM ticket_match WHERE status = 'proposed' AND expires_at IS NULL) AS any`);
    return row.any;
  }

  /** Proposals still waiting for their expiry (the calendar lacked the year), claimed for this transaction. */
  async claimUnscheduled(manager: EntityManager, limit: number): Promise<{ id: string; proposedAt: Date }[]> {
    const rows: { id: string; proposed_at: Date }[] = await manager.query(
      `SELECT id, proposed_at FROM ticket_match WHERE status = 'proposed' AND expires_at IS NULL
        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, proposedAt: r.proposed_at }));
  }

  async setExpiry(manager: EntityManager, id: string, expiresAt: Date): Promise<void> {
    await manager.query(`UPDATE ticket_match SET expires_at = $2 WHERE id = $1 AND status = 'proposed' AND expires_at IS NULL`, [id, expiresAt]);
  }

  async listOfTicket(ticketId: string): Promise<TicketMatchView[]> {
    const rows = await this.dataSource
      .getRepository(TicketMatchEntity)
      .createQueryBuilder('m')
      .innerJoin('service_provider', 'p', 'p.id = m.providerId')
      .addSelect('p.name', 'provider_name')
      .where('m.ticketId = :ticketId', { ticketId })
      .orderBy('m.proposedAt')
      .addOrderBy('m.id')
      .getRawAndEntities();
    const names = new Map((rows.raw as { m_id: string; provider_name: string }[]).map((r) => [r.m_id, r.provider_name]));
    return rows.entities.map((m) => ({ ...m, providerName: names.get(m.id) ?? '' }));
  }
}
