import { Module } from '@nestjs/common';
import { EventFeedModule } from '@enterpark/events';
import { DeliverWebhookService } from './application/deliver-webhook.service';
import { DestinationGuard } from './application/destination-guard.service';
import { DispatchWebhooksService } from './application/dispatch-webhooks.service';
import { ManageWebhooksService } from './application/manage-webhooks.service';
import { RedriveWebhookDeliveriesService } from './application/redrive-webhook-deliveries.service';
import { RegisterWebhookService } from './application/register-webhook.service';
import { WebhookJobs } from './application/webhook-jobs';
import { WebhookCursorRepository } from './persistence/webhook-cursor.repository';
import { WebhookDeliveryRepository } from './persistence/webhook-delivery.repository';
import { WebhookEndpointRepository } from './persistence/webhook-endpoint.repository';
import { HostResolver, SystemHostResolver } from './transport/host-resolver';

const USE_CASES = [RegisterWebhookService, ManageWebhooksService, DispatchWebhooksService, DeliverWebhookService, RedriveWebhookDeliveriesService];

/** Signed webhooks: endpoints (API), the fan-out from the event feed and the deliveries (worker). */
@Module({
  imports: [EventFeedModule],
  providers: [
    ...USE_CASES,
    DestinationGuard,
    WebhookJobs,
    WebhookEndpointRepository,
    WebhookDeliveryRepository,
    WebhookCursorRepository,
    { provide: HostResolver, useClass: SystemHostResolver },
  ],
  exports: USE_CASES,
})
export class WebhooksModule {}
