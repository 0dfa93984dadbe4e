import { Injectable } from '@nestjs/common';
import { AccessScope, Clock, Page, PageRequest } from '@enterpark/common';
import { Activity } from '../domain/service';
import { Ticket } from '../domain/ticket';
import { TicketNotFoundError } from '../tickets.errors';
import { NamedTicket, TicketFilter, TicketHistoryEntry } from '../persistence/ticket-query';
import { TicketRepository } from '../persistence/ticket.repository';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Scoped reads of tickets: a ticket outside the caller's scope does not exist for them. */
@Injectable()
export class ReadTicketsService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly clock: Clock,
  ) {}

  list(scope: AccessScope, filter: TicketFilter, page: PageRequest): Promise<Page<NamedTicket>> {
    return this.tickets.list(scope, filter, page, this.today());
  }

  /** How many tickets `list` pages through for this scope and filter. */
  count(scope: AccessScope, filter: TicketFilter): Promise<number> {
    return this.tickets.count(scope, filter, this.today());
  }

  /** "Overdue" is judged by the calendar date in the province, not UTC. */
  private today(): string {
    return SHANGHAI_DATE.format(this.clock.now());
  }

  /** The service record of a ticket the caller may see (at most TICKET_LIMITS.maxActivities rows). */
  async activities(scope: AccessScope, id: string): Promise<Activity[]> {
    if (!(await this.tickets.findById(scope, id))) throw new TicketNotFoundError();
    return this.tickets.activities(id);
  }

  async get(scope: AccessScope, id: string): Promise<{ ticket: NamedTicket; history: TicketHistoryEntry[] }> {
    const ticket = await this.tickets.findById(scope, id);
    if (!ticket) throw new TicketNotFoundError();
    const [[named], history] = await Promise.all([this.named([ticket]), this.tickets.history(id)]);
    return { ticket: named, history };
  }

  /** Tickets the caller already holds (read or just changed within their scope), with the names a person reads. */
  async named(tickets: Ticket[]): Promise<NamedTicket[]> {
    const names = await this.tickets.namesOf(tickets.map((t) => t.id));
    return tickets.map((t) => ({ ...t, ...(names.get(t.id) ?? { zoneName: '', demandListTitle: '', assigneeName: null, providerName: null }) }));
  }
}
