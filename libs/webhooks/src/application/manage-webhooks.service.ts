import { Injectable } from '@nestjs/common';
import { Actor, Page, PageRequest } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookDeliveryRepository } from '../persistence/webhook-delivery.repository';
import { WebhookEndpointRepository } from '../persistence/webhook-endpoint.repository';
import { WebhookEndpointNotFoundError, WebhooksForbiddenError } from '../webhooks.errors';

/** GET /webhooks, DELETE /webhooks/:id and GET /webhooks/:id/deliveries. */
@Injectable()
export class ManageWebhooksService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveryLog: WebhookDeliveryRepository,
    private readonly tx: TransactionRunner,
  ) {}

  list(actor: Actor, page: PageRequest): Promise<Page<WebhookEndpoint>> {
    assertCoordinator(actor);
    return this.endpoints.list(page);
  }

  /**
   * Soft delete: the row stays for its deliveries' history, nothing more is fanned out to it,
   * and its waiting deliveries are cancelled (an attempt already in flight finishes).
   */
  async remove(actor: Actor, id: string): Promise<void> {
    assertCoordinator(actor);
    await this.tx.run(async (manager) => {
      if (!(await this.endpoints.softDelete(manager, id, actor.id))) throw new WebhookEndpointNotFoundError();
      await this.deliveryLog.cancelPending(manager, id);
    });
  }

  async deliveries(actor: Actor, id: string, page: PageRequest, status: WebhookDeliveryStatus | null): Promise<Page<WebhookDelivery>> {
    assertCoordinator(actor);
    if (!(await this.endpoints.find(id))) throw new WebhookEndpointNotFoundError();
    return this.deliveryLog.log(id, page, status);
  }
}

function assertCoordinator(actor: Actor): void {
  if (actor.role !== 'coordinator') throw new WebhooksForbiddenError();
}
