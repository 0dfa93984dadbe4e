import { Injectable } from '@nestjs/common';
import { Actor } from '@enterpark/common';
import { MailCategory } from '../mail-draft';
import { MailPreferencesNotFoundError } from '../mail.errors';
import { MailPreferenceRepository, MailPreferences, MailSwitches } from '../persistence/mail-preference.repository';
import { UnsubscribeLinks } from './unsubscribe-links.service';

/** Every switch at once: a change replaces the user's preferences as a whole. */
export type MailPreferencesChange = MailSwitches;

/**
 * Who may switch whose mail off: everyone their own, coordinators anyone's. For anyone else
 * another user's preferences do not exist (404), which is what keeps a zone from switching
 * off the leadership's digests.
 */
@Injectable()
export class MailPreferencesService {
  constructor(
    private readonly preferences: MailPreferenceRepository,
    private readonly links: UnsubscribeLinks,
  ) {}

  async read(actor: Actor, userId: string): Promise<MailPreferences> {
    await this.checkReach(actor, userId);
    return this.preferences.get(userId);
  }

  async update(actor: Actor, userId: string, change: MailPreferencesChange): Promise<MailPreferences> {
    await this.checkReach(actor, userId);
    return this.preferences.put(userId, { digest: change.digest, notifications: change.notifications, assignments: change.assignments }, actor.id);
  }

  /** The one-click unsubscribe: the signed token speaks for its user and category only. */
  async unsubscribe(token: string): Promise<{ category: MailCategory }> {
    const { userId, category } = this.links.verify(token);
    if (!(await this.preferences.userExists(userId))) throw new MailPreferencesNotFoundError();
    await this.preferences.optOut(userId, category);
    return { category };
  }

  /** Checks a token without using it (the confirmation page a GET shows). */
  inspect(token: string): { category: MailCategory } {
    return { category: this.links.verify(token).category };
  }

  private async checkReach(actor: Actor, userId: string): Promise<void> {
    if (userId !== actor.id && actor.role !== 'coordinator') throw new MailPreferencesNotFoundError();
    if (!(await this.preferences.userExists(userId))) throw new MailPreferencesNotFoundError();
  }
}
