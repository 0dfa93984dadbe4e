import { Injectable } from '@nestjs/common';
import { Actor, Clock, newId, Page, PageRequest, scopeOf } from '@enterpark/common';
import { TicketNotFoundError } from '@enterpark/tickets';
import { ExperienceTemplate, isEligibleSource, TemplateChanges, TEMPLATE_LIMITS } from '../domain/template';
import { TemplateFilter, TemplateReach, TemplateRepository } from '../persistence/template.repository';
import { TemplateExistsError, TemplateNotFoundError, TemplateSourceNotEligibleError, TemplatesForbiddenError } from '../templates.errors';

/** Desk staff see published templates and their own drafts; coordinators and viewers every template. */
export function templateReach(actor: Actor): TemplateReach {
  assertReader(actor);
  return actor.role === 'desk_staff' ? { kind: 'published_or_own', userId: actor.id } : { kind: 'all' };
}

export function assertReader(actor: Actor): void {
  if (actor.role === 'zone_manager') throw new TemplatesForbiddenError('经验模板包含其他园区的需求，园区管理员无权查看');
}

export function assertWriter(actor: Actor): void {
  assertReader(actor);
  if (actor.role === 'viewer') throw new TemplatesForbiddenError();
}

/**
 * 经验模板: a closed, well-rated ticket written up for reuse. Its desk's staff or a coordinator
 * creates it (a draft they own) from the ticket's demand, service record, outcome, provider
 * kind and rating; the owner or a coordinator edits and publishes it.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, fromTicketId: string): Promise<ExperienceTemplate> {
    assertWriter(actor);
    const source = await this.templates.source(scopeOf(actor), fromTicketId);
    if (!source) throw new TicketNotFoundError();
    if (!isEligibleSource(source)) throw new TemplateSourceNotEligibleError(source.status, source.rating);
    const existing = await this.templates.idForSource(source.id);
    if (existing) throw new TemplateExistsError(existing);
    const now = this.clock.now();
    const id = newId();
    const demand = [source.title, source.description].filter(Boolean).join('\n').slice(0, TEMPLATE_LIMITS.demandLength);
    const inserted = await this.templates.insert({
      id,
      sourceTicketId: source.id,
      type: source.type,
      title: source.title,
      demand,
      steps: source.steps.slice(0, TEMPLATE_LIMITS.maxSteps),
      outcome: source.outcome ?? '',
      providerKind: source.providerKind,
      rating: source.rating!,
      status: 'draft',
      ownerId: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) throw new TemplateExistsError((await this.templates.idForSource(source.id))!);
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ExperienceTemplate> {
    const template = await this.templates.find(templateReach(actor), id);
    if (!template) throw new TemplateNotFoundError();
    return template;
  }

  list(actor: Actor, filter: TemplateFilter, page: PageRequest): Promise<Page<ExperienceTemplate>> {
    return this.templates.list(templateReach(actor), filter, page);
  }

  /** The owner or a coordinator; anyone else who can see it gets 403. */
  async update(actor: Actor, id: string, changes: TemplateChanges): Promise<ExperienceTemplate> {
    const template = await this.get(actor, id);
    if (actor.role !== 'coordinator' && template.ownerId !== actor.id) throw new TemplatesForbiddenError('只有模板的创建人或协调员可以修改模板');
    await this.templates.update(id, changes, this.clock.now());
    return this.get(actor, id);
  }
}
