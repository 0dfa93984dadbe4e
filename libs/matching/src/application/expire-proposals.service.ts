import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { expireMatch, Ticket, TicketEntity, TicketWriter } from '@enterpark/tickets';
import { expireProposal, withdrawProposal } from '../domain/ticket-match';
import { ProviderPoolRepository } from '../persistence/provider-pool.repository';
import { TicketMatchRepository } from '../persistence/ticket-match.repository';
import { ProposalWindow } from './proposal-window.service';

const BATCH = 100;
/** Per call: a sweep that finds more leaves the rest to the next one. */
const MAX_BATCHES = 50;

/**
 * The timers sweep's part for matching: proposals past their window are `expired` and the
 * ticket goes back to `triaged` (ticket.match_expired: the next candidate is proposed).
 * Proposals whose window could not be computed (calendar year missing) get it once the
 * year is known. Replicas share the work: tickets are claimed with SKIP LOCKED.
 */
@Injectable()
export class ExpireProposalsService {
  constructor(
    private readonly writer: TicketWriter,
    private readonly matches: TicketMatchRepository,
    private readonly pool: ProviderPoolRepository,
    private readonly window: ProposalWindow,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Answers how many proposals expired. */
  async expireDue(): Promise<number> {
    await this.scheduleMissing();
    let expired = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const round = await this.tx.run((manager) => this.expireBatch(manager, this.clock.now()));
      expired += round.expired;
      if (round.claimed < BATCH) break;
    }
    return expired;
  }

  /** Quietly: a year still missing stays unscheduled until the next sweep. */
  private async scheduleMissing(): Promise<void> {
    if (!(await this.matches.hasUnscheduled())) return;
    const deadline = await this.window.deadlines({ fresh: true });
    await this.tx.run(async (manager) => {
      for (const proposal of await this.matches.claimUnscheduled(manager, BATCH)) {
        const expiresAt = deadline(proposal.proposedAt);
        if (expiresAt) await this.matches.setExpiry(manager, proposal.id, expiresAt);
      }
    });
  }

  private async expireBatch(manager: EntityManager, now: Date): Promise<{ claimed: number; expired: number }> {
    const tickets = await this.claimTickets(manager, now);
    if (tickets.length === 0) return { claimed: 0, expired: 0 };
    const byId = new Map(tickets.map((t) => [t.id, t]));
    const due = await this.matches.dueProposals(manager, [...byId.keys()], now);
    // Their capacity rows change with the status (trigger): take them in id order first.
    await this.pool.lockInOrder(manager, due.map((m) => m.providerId));
    let expired = 0;
    for (const match of due) {
      const ticket = byId.get(match.ticketId)!;
      if (ticket.status !== 'matching') {
        // Cancelled while proposed; the cancellation's own release would withdraw it too.
        await this.matches.saveChange(manager, match, withdrawProposal(match, now));
        continue;
      }
      await this.matches.saveChange(manager, match, expireProposal(match));
      await this.writer.write(manager, ticket, expireMatch(ticket, match, now), now);
      expired++;
    }
    return { claimed: tickets.length, expired };
  }

  /** Tickets with a proposal past its window, locked; those another sweep holds are skipped. */
  private claimTickets(manager: EntityManager, now: Date): Promise<Ticket[]> {
    return manager
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where(
        `t.id IN (SELECT m.ticket_id FROM ticket_match m WHERE m.status = 'proposed' AND m.expires_at <= :now ORDER BY m.expires_at LIMIT :limit)`,
        { now, limit: BATCH },
      )
      .orderBy('t.id')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
