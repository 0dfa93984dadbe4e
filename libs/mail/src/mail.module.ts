import { Module } from '@nestjs/common';
import { MailPreferencesService } from './application/mail-preferences.service';
import { MailSender } from './application/mail-sender.service';
import { MailTransport } from './application/mail-transport.service';
import { RedriveStuckMailService } from './application/redrive-stuck-mail.service';
import { UnsubscribeLinks } from './application/unsubscribe-links.service';
import { MailOutbox } from './mail-outbox.service';
import { MailMessageRepository } from './persistence/mail-message.repository';
import { MailPreferenceRepository } from './persistence/mail-preference.repository';

const EXPORTED = [MailOutbox, UnsubscribeLinks, MailSender, RedriveStuckMailService, MailPreferencesService];

/**
 * Storing, sending and suppressing mail; preferences and one-click unsubscribe links. The
 * SMTP connection is opened on the first send only, so importing this module (the API does,
 * for links and preferences) costs nothing.
 */
@Module({
  providers: [...EXPORTED, MailTransport, MailMessageRepository, MailPreferenceRepository],
  exports: EXPORTED,
})
export class MailModule {}
