import { DynamicModule, Module } from '@nestjs/common';
import { Clock, ClockModule } from '@enterpark/common';
import { AppConfig, ConfigModule } from '@enterpark/config';
import { DatabaseModule } from '@enterpark/database';
import { BulletinsModule } from '@enterpark/bulletins';
import { DigestsModule } from '@enterpark/digests';
import { QueueModule } from '@enterpark/events';
import { MailModule } from '@enterpark/mail';
import { MatchingModule } from '@enterpark/matching';
import { MetricsModule } from '@enterpark/metrics';
import { NotificationsModule } from '@enterpark/notifications';
import { RoutingModule } from '@enterpark/routing';
import { SimilarityModule } from '@enterpark/similarity';
import { SummariesModule } from '@enterpark/summaries';
import { TicketsModule } from '@enterpark/tickets';
import { WebhooksModule } from '@enterpark/webhooks';
import { BulletinsProcessor } from './bulletins/bulletins.processor';
import { CompletionProcessor } from './completion/completion.processor';
import { DigestsProcessor } from './digests/digests.processor';
import { MailProcessor } from './mail/mail.processor';
import { MatchingProcessor } from './matching/matching.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { Reconciler } from './reconciler/reconciler.service';
import { REDRIVE_PROVIDERS } from './reconciler/redrives';
import { RoutingProcessor } from './routing/routing.processor';
import { DeclaredSchedules } from './schedules/declared-schedules';
import { SimilarityBackfill } from './similarity/similarity-backfill.service';
import { TimersProcessor } from './timers/timers.processor';
import { WebhooksProcessor } from './webhooks/webhooks.processor';
import { WorkerMetricsServer } from './worker-metrics-server';

/** Queue processors, the outbox relay and the reconciler. No controllers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        QueueModule.forRoot(),
        MetricsModule,
        RoutingModule,
        TicketsModule,
        SummariesModule,
        DigestsModule,
        BulletinsModule,
        WebhooksModule,
        MatchingModule,
        NotificationsModule,
        MailModule,
        SimilarityModule,
      ],
      providers: [DeclaredSchedules, OutboxRelay, Reconciler, WorkerMetricsServer, SimilarityBackfill, ...REDRIVE_PROVIDERS, RoutingProcessor, TimersProcessor, CompletionProcessor, MatchingProcessor, NotificationsProcessor, MailProcessor, WebhooksProcessor, DigestsProcessor, BulletinsProcessor],
    };
  }
}
