import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Actor, Clock, InvalidInputError, newId } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { EVENT_NAMES, EventName } from '@enterpark/events';
import { WEBHOOK_LIMITS, WebhookEndpoint } from '../domain/webhook-endpoint';
import { checkWebhookUrl } from '../domain/webhook-url';
import { WebhookEndpointRepository } from '../persistence/webhook-endpoint.repository';
import { WebhookEndpointLimitError, WebhookUrlInvalidError, WebhooksForbiddenError } from '../webhooks.errors';
import { DestinationGuard } from './destination-guard.service';

export interface RegisterWebhookInput {
  url: string;
  events: readonly EventName[];
  description?: string | null;
}

export interface RegisteredWebhook {
  endpoint: WebhookEndpoint;
  /** `whsec_` + base64 of 32 random bytes (Standard Webhooks); shown once, never listed again. */
  secret: string;
}

/** POST /webhooks: a coordinator subscribes a public URL to event names. */
@Injectable()
export class RegisterWebhookService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly guard: DestinationGuard,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RegisterWebhookInput): Promise<RegisteredWebhook> {
    if (actor.role !== 'coordinator') throw new WebhooksForbiddenError();
    const url = checkWebhookUrl(input.url);
    if (!url.ok) throw new WebhookUrlInvalidError(url.rule, url.message);
    const events = checkEvents(input.events);
    // Outside the transaction: resolving may take seconds and needs no lock.
    await this.guard.vet(url.hostname);
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const endpoint = await this.tx.run(async (manager) => {
      if ((await this.endpoints.lockAndCount(manager)) >= WEBHOOK_LIMITS.maxEndpoints) throw new WebhookEndpointLimitError(WEBHOOK_LIMITS.maxEndpoints);
      const description = input.description?.trim() || null;
      return this.endpoints.insert(manager, { id: newId(), url: url.url, events, description, secret, createdBy: actor.id, createdAt: this.clock.now() });
    });
    return { endpoint, secret };
  }
}

/** The API's DTO says the same first; checked here too because the rule is the library's. */
function checkEvents(names: readonly EventName[]): EventName[] {
  const unique = [...new Set(names)];
  if (unique.length === 0) throw InvalidInputError.field('events', 'arrayMinSize', 'events 至少包含一个事件类型');
  if (names.length > WEBHOOK_LIMITS.maxEvents) throw InvalidInputError.field('events', 'arrayMaxSize', `events 最多包含 ${WEBHOOK_LIMITS.maxEvents} 项`);
  const unknown = unique.find((n) => !(EVENT_NAMES as readonly string[]).includes(n));
  if (unknown) throw InvalidInputError.field('events', 'isIn', `events 包含未知的事件类型 ${unknown}`);
  return unique;
}
