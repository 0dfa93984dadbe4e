import { EntityManager } from 'typeorm';
import { audienceOf } from '../domain/audience';
import { NotificationEvent } from '../domain/notification-events';
import { Recipient, TicketFacts } from '../domain/notification-view';
import { NotificationFactsRepository } from '../persistence/notification-facts.repository';
import { Person, RecipientRepository } from '../persistence/recipient.repository';

/**
 * The ticket and the people a batch of events' emails show, read in one round trip each
 * (`= ANY`) instead of two per event: composing a routed ticket's email is otherwise
 * mostly waiting on the database. Whatever was not preloaded is read on demand.
 */
export class NotificationReads {
  private constructor(
    readonly manager: EntityManager,
    private readonly facts: NotificationFactsRepository,
    private readonly recipients: RecipientRepository,
    private readonly tickets: Map<string, TicketFacts | null>,
    private readonly people: Map<string, Person | null>,
  ) {}

  static async preload(
    manager: EntityManager,
    facts: NotificationFactsRepository,
    recipients: RecipientRepository,
    events: readonly NotificationEvent[],
  ): Promise<NotificationReads> {
    const ticketIds = unique(events.flatMap(ticketShownBy));
    const userIds = unique(events.flatMap(peopleNamedBy));
    const [tickets, people] = await Promise.all([facts.tickets(manager, ticketIds), recipients.people(manager, userIds)]);
    // Asked for and absent is an answer too (a deleted ticket): it is not read again.
    return new NotificationReads(manager, facts, recipients, withAbsent(ticketIds, tickets), withAbsent(userIds, people));
  }

  async ticket(id: string): Promise<TicketFacts | null> {
    return this.tickets.has(id) ? this.tickets.get(id)! : this.facts.ticket(this.manager, id);
  }

  /** A person named by an event (an assignee, an actor), active or not. */
  async user(id: string): Promise<Recipient | null> {
    if (!this.people.has(id)) return this.recipients.user(this.manager, id);
    return this.people.get(id)?.recipient ?? null;
  }

  /** Deactivated accounts receive nothing. */
  async activeUser(id: string): Promise<Recipient | null> {
    if (!this.people.has(id)) return this.recipients.activeUser(this.manager, id);
    const person = this.people.get(id);
    return person?.active ? person.recipient : null;
  }
}

/** The ticket an event's email shows, for the events whose email shows one. */
function ticketShownBy(event: NotificationEvent): string[] {
  switch (event.name) {
    case 'ticket.info_requested':
    case 'ticket.service_completed':
    case 'ticket.sla_breached':
    case 'ticket.sla_escalated':
    case 'ticket.routed':
    case 'ticket.assigned':
      return [event.payload.ticketId];
    default:
      return [];
  }
}

/** The accounts an event's email looks up by id: its one addressee, and the people it names. */
function peopleNamedBy(event: NotificationEvent): string[] {
  const audience = audienceOf(event);
  const ids = audience.kind === 'user' ? [audience.userId] : [];
  if (event.name === 'ticket.assigned' && event.actorId) ids.push(event.actorId);
  if (event.name === 'ticket.sla_escalated' && event.payload.assigneeId) ids.push(event.payload.assigneeId);
  return ids;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function withAbsent<T>(ids: readonly string[], found: Map<string, T>): Map<string, T | null> {
  return new Map(ids.map((id) => [id, found.get(id) ?? null]));
}
