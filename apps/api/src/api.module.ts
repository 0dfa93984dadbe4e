import { DynamicModule, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BulletinsModule } from '@enterpark/bulletins';
import { CalendarModule } from '@enterpark/calendar';
import { Clock, ClockModule } from '@enterpark/common';
import { AppConfig, ConfigModule } from '@enterpark/config';
import { DatabaseModule } from '@enterpark/database';
import { DemandModule } from '@enterpark/demand';
import { DigestsModule } from '@enterpark/digests';
import { EventFeedModule, QueueModule } from '@enterpark/events';
import { IdentityModule } from '@enterpark/identity';
import { MailModule } from '@enterpark/mail';
import { MatchingModule } from '@enterpark/matching';
import { MetricsModule } from '@enterpark/metrics';
import { NotificationsModule } from '@enterpark/notifications';
import { ProblemsModule } from '@enterpark/problems';
import { TemplatesModule } from '@enterpark/templates';
import { SimilarityModule } from '@enterpark/similarity';
import { StatisticsModule } from '@enterpark/statistics';
import { SummariesModule } from '@enterpark/summaries';
import { TicketsModule } from '@enterpark/tickets';
import { WebhooksModule } from '@enterpark/webhooks';
import { AccessTokenService } from './auth/access-token.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { BulletinsController } from './bulletins/bulletins.controller';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { StartUpSummary } from './bootstrap/start-up-summary';
import { CalendarController } from './calendar/calendar.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { DemandListImportController } from './demand-lists/demand-list-import.controller';
import { DemandListsController } from './demand-lists/demand-lists.controller';
import { DigestPreviewController } from './digests/digest-preview.controller';
import { DigestRunsController } from './digests/digest-runs.controller';
import { HttpErrorFilter } from './errors/http-error.filter';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { MailPreferencesController } from './mail/mail-preferences.controller';
import { UnsubscribeController } from './mail/unsubscribe.controller';
import { MatchRespondController } from './matches/match-respond.controller';
import { MatchesController } from './matches/matches.controller';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceGauges } from './metrics/service-gauges';
import { ProblemsController } from './problems/problems.controller';
import { TicketProblemController } from './problems/ticket-problem.controller';
import { ProvidersController } from './providers/providers.controller';
import { TemplatesController, TicketTemplatesController } from './templates/templates.controller';
import { RankingsController } from './rankings/rankings.controller';
import { SlaTargetsController } from './sla-targets/sla-targets.controller';
import { SummariesController } from './summaries/summaries.controller';
import { TicketActionsController } from './tickets/ticket-actions.controller';
import { TicketResponder } from './tickets/ticket-responder';
import { TicketStreamHub } from './tickets/ticket-stream.hub';
import { TicketFilters } from './tickets/ticket-filter';
import { TicketsController } from './tickets/tickets.controller';
import { PasswordsController } from './users/passwords.controller';
import { UsersController } from './users/users.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { ZonesController } from './zones/zones.controller';

/** The HTTP application: controllers, guards and the error filter. It produces events, never consumes them. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        QueueModule.forRoot({ failFast: true }),
        MetricsModule,
        JwtModule.registerAsync({
          inject: [AppConfig],
          // A KeyObject made once: jsonwebtoken would otherwise re-parse the string secret on every request.
          useFactory: (c: AppConfig) => ({ secret: createSecretKey(Buffer.from(c.jwtSecret!)) as unknown as string }),
        }),
        IdentityModule,
        DemandModule,
        TicketsModule,
        MatchingModule,
        CalendarModule,
        SummariesModule,
        DigestsModule,
        StatisticsModule,
        BulletinsModule,
        EventFeedModule,
        WebhooksModule,
        NotificationsModule,
        MailModule,
        SimilarityModule,
        ProblemsModule,
        TemplatesModule,
      ],
      controllers: [AuthController, HealthController, DashboardController, ZonesController, UsersController, PasswordsController, ProvidersController, DemandListsController, DemandListImportController, TicketsController, TicketActionsController, SlaTargetsController, CalendarController, SummariesController, EventsController, MatchesController, MatchRespondController, DigestRunsController, DigestPreviewController, MailPreferencesController, UnsubscribeController, WebhooksController, MetricsController, RankingsController, BulletinsController, ProblemsController, TicketProblemController, TemplatesController, TicketTemplatesController],
      providers: [
        AccessTokenService,
        BootstrapService,
        StartUpSummary,
        TicketResponder,
        TicketFilters,
        TicketStreamHub,
        ServiceGauges,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
