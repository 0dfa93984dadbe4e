import { Injectable } from '@nestjs/common';
import { AppConfig } from '@enterpark/config';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '../domain/unsubscribe-token';
import { MailCategory } from '../mail-draft';
import { MailUnsubscribeTokenInvalidError } from '../mail.errors';

/** Where the API serves the one-click unsubscribe page and endpoint (apps/api/src/mail). */
export const UNSUBSCRIBE_PATH = '/api/v1/mail/unsubscribe';

/**
 * The links in every message that has an account behind it. The key is derived from
 * JWT_SECRET for this purpose only, so a token can never pass as an access token or a
 * provider's answer link, and vice versa.
 */
@Injectable()
export class UnsubscribeLinks {
  constructor(private readonly config: AppConfig) {}

  /** The absolute one-click URL (List-Unsubscribe header and the link in the body). */
  urlFor(userId: string, category: MailCategory): string {
    return `${this.base()}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(signUnsubscribeToken(this.secretKey(), userId, category))}`;
  }

  /** Throws MailUnsubscribeTokenInvalidError for anything we did not sign. */
  verify(token: string): { userId: string; category: MailCategory } {
    const verdict = verifyUnsubscribeToken(this.secretKey(), token);
    if (!verdict) throw new MailUnsubscribeTokenInvalidError();
    return verdict;
  }

  private base(): string {
    return this.config.publicBaseUrl.replace(/\/+$/, '');
  }

  private secretKey(): Buffer {
    return this.config.purposeKey('mail-unsubscribe');
  }
}
