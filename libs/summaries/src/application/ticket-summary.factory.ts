import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '@enterpark/calendar';
import { TicketSummary } from '@enterpark/events';
import { Ticket } from '@enterpark/tickets';
import { buildTicketSummary } from '../domain/ticket-summary';
import { CompletionRepository } from '../persistence/completion.repository';

/** Builds ticket summaries with what they need from outside the ticket: names and the official calendar. */
@Injectable()
export class TicketSummaryFactory {
  constructor(
    private readonly completion: CompletionRepository,
    private readonly calendars: CalendarService,
  ) {}

  /** The calendar comes through the transaction's connection (a cold load must not wait for another pooled one). */
  async build(manager: EntityManager, tickets: readonly Ticket[]): Promise<Map<string, TicketSummary>> {
    if (tickets.length === 0) return new Map();
    const calendar = await this.calendars.current(manager);
    const names = await this.completion.names(manager, tickets);
    return new Map(
      tickets.map((t) => {
        const zone = names.zones.get(t.zoneId);
        if (!zone) throw new Error(`zone ${t.zoneId} of ticket ${t.id} not found`);
        const assignee = t.assigneeId ? (names.users.get(t.assigneeId) ?? null) : null;
        const provider = t.providerId ? (names.providers.get(t.providerId) ?? null) : null;
        return [t.id, buildTicketSummary(t, { zone, assignee, provider, calendar })];
      }),
    );
  }
}
