import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { appendEvents, DomainEvent, EventName, newEvent, TicketSummary } from '@enterpark/events';
import { Ticket, ticketEvent, TicketNotFoundError } from '@enterpark/tickets';
import { buildDemandListSummary, isEveryTicketFinal } from '../domain/demand-list-summary';
import { asClosed, asCompleted, SummaryKind } from '../domain/ticket-summary';
import { CompletionRepository } from '../persistence/completion.repository';
import { SummaryRepository } from '../persistence/summary.repository';
import { TicketSummaryFactory } from './ticket-summary.factory';

/** The events the completion queue receives. */
export const COMPLETION_EVENTS = ['ticket.service_completed', 'ticket.confirmed', 'ticket.rejected', 'ticket.cancelled'] as const satisfies readonly EventName[];

/**
 * What happens after a ticket ends a round or ends for good. Completed by the desk: its
 * `completed` summary for that round and `ticket.completed`. Confirmed solved by the zone:
 * its `closed` summary and `ticket.closed`. Closed, rejected or cancelled: its list is
 * completed if that was the last open ticket, with the list summary and
 * `demand_list.completed`. Each summary, its event and the list change commit together;
 * a redelivered event finds the summary row (or the completed list) and does nothing.
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly completion: CompletionRepository,
    private readonly summaries: SummaryRepository,
    private readonly factory: TicketSummaryFactory,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async handle(e: DomainEvent): Promise<void> {
    switch (e.name) {
      case 'ticket.service_completed': {
        const { ticketId, round, outcome } = (e as DomainEvent<'ticket.service_completed'>).payload;
        const at = new Date(e.occurredAt);
        return this.tx.run((m) => this.summarize(m, ticketId, 'completed', (t) => asCompleted(t, { round, outcome, at })));
      }
      case 'ticket.confirmed': {
        const { ticketId, demandListId, round, rating, solved } = (e as DomainEvent<'ticket.confirmed'>).payload;
        if (!solved) return; // reopened: the ticket goes on in a new round
        const at = new Date(e.occurredAt);
        return this.tx.run(async (m) => {
          await this.summarize(m, ticketId, 'closed', (t) => asClosed(t, { round, rating, at }));
          await this.completeList(m, demandListId);
        });
      }
      case 'ticket.rejected':
      case 'ticket.cancelled': {
        const { demandListId } = (e as DomainEvent<'ticket.rejected' | 'ticket.cancelled'>).payload;
        return this.tx.run(async (m) => void (await this.completeList(m, demandListId)));
      }
      default:
        throw new Error(`completion does not handle ${e.name}`);
    }
  }

  /** Writes the ticket's summary of `kind` for its round once; emits its event only with the row. */
  private async summarize(manager: EntityManager, ticketId: string, kind: SummaryKind, asOf: (t: Ticket) => Ticket): Promise<void> {
    const current = await this.completion.findTicket(manager, ticketId);
    if (!current) throw new TicketNotFoundError();
    const ticket = asOf(current);
    const summary = (await this.factory.build(manager, [ticket])).get(ticket.id)!;
    const now = this.clock.now();
    if (!(await this.summaries.insertTicketSummary(manager, kind, summary, now))) return;
    const event =
      kind === 'completed'
        ? ticketEvent('ticket.completed', ticket, null, { ticketId: ticket.id, zoneId: ticket.zoneId, summary })
        : ticketEvent('ticket.closed', ticket, null, { ticketId: ticket.id, zoneId: ticket.zoneId, demandListId: ticket.demandListId, summary });
    await appendEvents(manager, [event], now);
  }

  /**
   * Completes the list if every ticket is final. Under the list's row lock, the tickets are
   * read afresh: of two last tickets finishing at once, the second to take the lock sees
   * the first's change (or the completed list), so the list completes exactly once and
   * never stays open. Returns whether this call completed it.
   */
  private async completeList(manager: EntityManager, demandListId: string): Promise<boolean> {
    const list = await this.completion.lockDemandList(manager, demandListId);
    if (!list || list.status !== 'open') return false;
    const tickets = await this.completion.ticketsOfList(manager, demandListId);
    if (!isEveryTicketFinal(tickets)) return false;
    const now = this.clock.now(); // after the lock wait: when the list actually completed
    const summaries = await this.ticketSummaries(manager, tickets);
    const summary = buildDemandListSummary({ id: list.id, zone: list.zone, title: list.title, filedAt: list.createdAt, completedAt: now }, tickets, summaries);
    await this.completion.markDemandListCompleted(manager, list.id, now);
    if (!(await this.summaries.insertDemandListSummary(manager, summary, now))) return false;
    const payload = { demandListId: list.id, zoneId: list.zone.id, summary };
    await appendEvents(manager, [newEvent('demand_list.completed', { aggregateType: 'demand_list', aggregateId: list.id, zoneId: list.zone.id, actorId: null, payload })], now);
    return true;
  }

  /**
   * Each ticket's summary for the list: the stored closed one where its job has run, else
   * one built from the ticket row (a closed ticket whose own job has not run yet, and
   * rejected or cancelled tickets, which have none). Never waits on another job.
   */
  private async ticketSummaries(manager: EntityManager, tickets: Ticket[]): Promise<Map<string, TicketSummary>> {
    const stored = await this.summaries.closedSummaries(manager, tickets.filter((t) => t.status === 'closed'));
    const built = await this.factory.build(manager, tickets.filter((t) => !stored.has(t.id)));
    return new Map([...built, ...stored]);
  }
}
