import { Injectable } from '@nestjs/common';
import { Actor, Clock, scopeOf } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { appendEvents, newEvent } from '@enterpark/events';
import { SimilarTicketsService } from '@enterpark/similarity';
import { TicketNotFoundError, TicketRepository } from '@enterpark/tickets';
import { ExperienceTemplate, TEMPLATE_LIMITS } from '../domain/template';
import { TemplateRepository } from '../persistence/template.repository';
import { TemplateNotFoundError, TemplateNotPublishedError } from '../templates.errors';
import { assertReader, assertWriter, templateReach } from './templates.service';

export interface SuggestedTemplate {
  template: ExperienceTemplate;
  score: number;
}

/**
 * Templates for a ticket: the published ones most like its demand (the similar-tickets
 * measure, ranked in memory over the newest TEMPLATE_LIMITS.suggestCandidates), and the record
 * of a desk using one (once per ticket and template, with a ticket event).
 */
@Injectable()
export class TemplateUseService {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly tickets: TicketRepository,
    private readonly similar: SimilarTicketsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async suggest(actor: Actor, ticketId: string, limit: number = TEMPLATE_LIMITS.suggestDefault): Promise<SuggestedTemplate[]> {
    assertReader(actor);
    const candidates = (await this.templates.published(TEMPLATE_LIMITS.suggestCandidates)).filter((t) => t.sourceTicketId !== ticketId);
    const ranked = await this.similar.rankForTicket(actor, ticketId, candidates, (t) => ({ title: t.title, description: `${t.demand}\n${t.outcome}` }), limit);
    return ranked.map((s) => ({ template: s.item, score: s.score }));
  }

  /** Idempotent: a second use of the same template on the same ticket records nothing new. */
  async use(actor: Actor, ticketId: string, templateId: string): Promise<{ template: ExperienceTemplate; recorded: boolean }> {
    assertWriter(actor);
    const template = await this.templates.find(templateReach(actor), templateId);
    if (!template) throw new TemplateNotFoundError();
    if (template.status !== 'published') throw new TemplateNotPublishedError();
    const recorded = await this.tx.run(async (manager) => {
      const ticket = await this.tickets.lockInScope(manager, scopeOf(actor), ticketId);
      if (!ticket) throw new TicketNotFoundError();
      const now = this.clock.now();
      if (!(await this.templates.recordUse(manager, templateId, ticketId, actor.id, now))) return false;
      const event = newEvent('ticket.template_used', {
        aggregateType: 'ticket',
        aggregateId: ticket.id,
        zoneId: ticket.zoneId,
        actorId: actor.id,
        payload: { ticketId: ticket.id, zoneId: ticket.zoneId, templateId, templateTitle: template.title },
      });
      await appendEvents(manager, [event], now);
      return true;
    });
    return { template: (await this.templates.find(templateReach(actor), templateId))!, recorded };
  }
}
