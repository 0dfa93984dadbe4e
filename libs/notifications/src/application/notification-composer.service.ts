import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@enterpark/config';
import { DomainEvent } from '@enterpark/events';
import { MailDraft, UnsubscribeLinks } from '@enterpark/mail';
import { ProviderLinkSigner } from '@enterpark/matching';
import { CalendarStatusService } from '@enterpark/tickets';
import { AssignedBy, ticketAssignedMessage } from '../domain/assignment-messages';
import { Audience, audienceOf } from '../domain/audience';
import { accountFooter, providerFooter } from '../domain/footer';
import { categoryOf, NotificationEvent, notificationDedupeKey } from '../domain/notification-events';
import { NotificationView, Recipient, TicketFacts } from '../domain/notification-view';
import { respondUrl } from '../domain/respond-link';
import { calendarMissingMessage } from '../domain/calendar-messages';
import { problemResolvedMessage } from '../domain/problem-messages';
import { slaEscalationMessage, slaReminderMessage } from '../domain/sla-messages';
import { awaitingConfirmationMessage, infoRequestedMessage, listCompletedMessage, proposalMessage } from '../domain/ticket-messages';
import { NotificationSubjectNotFoundError } from '../notifications.errors';
import { NotificationFactsRepository } from '../persistence/notification-facts.repository';
import { RecipientRepository } from '../persistence/recipient.repository';
import { NotificationReads } from './notification-reads';
import { NotificationRenderer } from './notification-renderer.service';

type ViewFor = (recipient: Recipient) => NotificationView;

/**
 * Decides who an event's email goes to and what it says, from the state as it is now
 * (events carry ids), and renders one draft per recipient. Stores nothing.
 */
@Injectable()
export class NotificationComposer {
  constructor(
    private readonly facts: NotificationFactsRepository,
    private readonly recipients: RecipientRepository,
    private readonly renderer: NotificationRenderer,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly providerLinks: ProviderLinkSigner,
    private readonly calendarStatus: CalendarStatusService,
    private readonly config: AppConfig,
  ) {}

  /** What `compose` reads for these events, in a few round trips for the whole batch. */
  async reads(manager: EntityManager, events: readonly NotificationEvent[]): Promise<NotificationReads> {
    return NotificationReads.preload(manager, this.facts, this.recipients, events);
  }

  async compose(reads: NotificationReads, event: NotificationEvent): Promise<MailDraft[]> {
    const at = new Date(event.occurredAt);
    switch (event.name) {
      case 'ticket.match_proposed':
        return this.proposal(reads, event);
      case 'demand_list.completed':
        return this.drafts(reads, event, (r) => listCompletedMessage(event.payload.summary, r.name));
      case 'ticket.info_requested': {
        const t = await this.ticket(reads, event.payload.ticketId);
        return this.drafts(reads, event, (r) => infoRequestedMessage(t, event.payload, at, r.name, this.config.ticketUrl(t.id)));
      }
      case 'ticket.service_completed': {
        const t = await this.ticket(reads, event.payload.ticketId);
        return this.drafts(reads, event, (r) => awaitingConfirmationMessage(t, event.payload, at, r.name, this.config.ticketConfirmUrl(t.id)));
      }
      case 'ticket.sla_breached': {
        const t = await this.ticket(reads, event.payload.ticketId);
        const toDesk = audienceOf(event).kind === 'desk';
        return this.drafts(reads, event, (r) => slaReminderMessage(t, event.payload, toDesk, r.name, this.config.ticketUrl(t.id)));
      }
      case 'ticket.sla_escalated': {
        const t = await this.ticket(reads, event.payload.ticketId);
        const assignee = event.payload.assigneeId ? await reads.user(event.payload.assigneeId) : null;
        return this.drafts(reads, event, (r) => slaEscalationMessage(t, event.payload, assignee?.name ?? null, r.name, this.config.ticketUrl(t.id)));
      }
      case 'ticket.sla_unscheduled': {
        const { missingYear } = event.payload;
        const waiting = await this.calendarStatus.ticketsWaiting(reads.manager);
        return this.drafts(reads, event, (r) => calendarMissingMessage(missingYear, waiting, r.name, this.config.consolePageUrl('/calendar')));
      }
      case 'ticket.routed':
      case 'ticket.assigned':
        return this.assigned(reads, event);
      case 'ticket.problem_resolved': {
        const f = await this.facts.problemResolution(reads.manager, event.payload.problemId, event.payload.zoneId);
        if (!f) throw new NotificationSubjectNotFoundError('problem', event.payload.problemId);
        return this.drafts(reads, event, (r) => problemResolvedMessage(event.payload, f, r.name, this.config.ticketUrl(event.payload.ticketId)));
      }
    }
  }

  /**
   * The assignee is told the ticket is theirs, unless it has moved on to someone else by the
   * time this runs: that person's own event tells them.
   */
  private async assigned(reads: NotificationReads, event: DomainEvent<'ticket.routed'> | DomainEvent<'ticket.assigned'>): Promise<MailDraft[]> {
    const t = await this.ticket(reads, event.payload.ticketId);
    if (!event.payload.assigneeId || t.assignee?.id !== event.payload.assigneeId) return [];
    const actor = event.name === 'ticket.assigned' && event.actorId ? await reads.user(event.actorId) : null;
    const by: AssignedBy = actor ? { kind: 'person', name: actor.name } : { kind: 'routing' };
    return this.drafts(reads, event, (r) => ticketAssignedMessage(t, by, r.name, this.config.ticketUrl(t.id)));
  }

  /**
   * The provider's proposal with its answer link. A proposal already answered, expired or
   * withdrawn by the time this runs gets no email: its link could only show an error.
   */
  private async proposal(reads: NotificationReads, event: DomainEvent<'ticket.match_proposed'>): Promise<MailDraft[]> {
    const p = await this.facts.proposal(reads.manager, event.payload.matchId);
    if (!p) throw new NotificationSubjectNotFoundError('match', event.payload.matchId);
    if (p.status !== 'proposed') return [];
    const match = { id: p.matchId, proposedAt: p.proposedAt, expiresAt: p.expiresAt };
    const url = respondUrl(this.config.publicBaseUrl, p.matchId, this.providerLinks.linkFor(match));
    return this.drafts(reads, event, () => proposalMessage(p, this.providerLinks.linkExpiry(match), url));
  }

  private async ticket(reads: NotificationReads, id: string): Promise<TicketFacts> {
    const t = await reads.ticket(id);
    if (!t) throw new NotificationSubjectNotFoundError('ticket', id);
    return t;
  }

  private async drafts(reads: NotificationReads, event: NotificationEvent, viewFor: ViewFor): Promise<MailDraft[]> {
    const recipients = await this.recipientsOf(reads, audienceOf(event));
    return Promise.all(recipients.map((r) => this.draft(event, r, viewFor(r))));
  }

  private async recipientsOf(reads: NotificationReads, audience: Audience): Promise<Recipient[]> {
    const { manager } = reads;
    switch (audience.kind) {
      case 'provider':
        return [await this.recipients.provider(manager, audience.providerId)].filter((r): r is Recipient => r !== null);
      case 'user':
        return [await reads.activeUser(audience.userId)].filter((r): r is Recipient => r !== null);
      case 'zone_managers':
        return this.recipients.zoneManagers(manager, audience.zoneId);
      case 'desk':
        return this.recipients.deskMembers(manager, audience.desk);
      case 'coordinators':
        return this.recipients.coordinators(manager);
      case 'nobody':
        return [];
    }
  }

  private async draft(event: NotificationEvent, recipient: Recipient, view: NotificationView): Promise<MailDraft> {
    const category = categoryOf(event);
    const footer = recipient.userId
      ? accountFooter(this.unsubscribe.urlFor(recipient.userId, category), this.config.mailPreferencesUrl, category)
      : providerFooter();
    const { html, text } = await this.renderer.render(view, footer);
    return {
      kind: view.kind,
      category,
      dedupeKey: notificationDedupeKey(event, recipient.key),
      recipientUserId: recipient.userId,
      to: { address: recipient.address, name: recipient.name },
      subject: view.subject,
      html,
      text,
    };
  }
}
