import { Module } from '@nestjs/common';
import { MailModule } from '@enterpark/mail';
import { MatchingModule } from '@enterpark/matching';
import { TicketsModule } from '@enterpark/tickets';
import { NotificationComposer } from './application/notification-composer.service';
import { NotificationRenderer } from './application/notification-renderer.service';
import { ReadProposalService } from './application/read-proposal.service';
import { RedriveStuckNotificationsService } from './application/redrive-stuck-notifications.service';
import { SendNotificationsService } from './application/send-notifications.service';
import { NotificationFactsRepository } from './persistence/notification-facts.repository';
import { RecipientRepository } from './persistence/recipient.repository';

/** Notification emails (composed by the notifications worker) and the provider's view of a proposal (read by the API). */
@Module({
  imports: [MailModule, MatchingModule, TicketsModule],
  providers: [NotificationFactsRepository, RecipientRepository, NotificationRenderer, NotificationComposer, SendNotificationsService, ReadProposalService, RedriveStuckNotificationsService],
  exports: [SendNotificationsService, ReadProposalService, RedriveStuckNotificationsService],
})
export class NotificationsModule {}
