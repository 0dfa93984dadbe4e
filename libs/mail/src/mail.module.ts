import { Module } from '@nestjs/common';
import { MailOutbox } from './mail-outbox.service';

/** Storing, sending and suppressing mail; preferences and one-click unsubscribe links. */
@Module({
  providers: [MailOutbox],
  exports: [MailOutbox],
})
export class MailModule {}
