import { Injectable } from '@nestjs/common';
import { InvalidInputError, IsoWeek, parseIsoWeek } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { User, UserRepository } from '@enterpark/identity';
import { MailAddressInvalidError, MailDraft, MailDraftInvalidError, MailOutbox } from '@enterpark/mail';
import { ComposedDigest } from '../domain/digest-content';
import { DigestKey, DigestRepository } from '../persistence/digest.repository';
import { DigestComposer } from './digest-composer.service';

export type ComposeOutcome = 'composed' | 'already_composed' | 'skipped';

/** The one mail per digest: the dedupe key makes a second one an index violation the outbox ignores. */
export function digestDedupeKey(key: DigestKey): string {
  return `digest:${key.recipientId}:${key.week}`;
}

/**
 * Composes one planned digest and hands it to the mail sender. The content is rendered
 * outside any transaction (it reads a week of tickets); the row lock, taken only to store,
 * lets exactly one attempt turn the digest into a message. A redelivered job finds the
 * digest composed and only dispatches its message again (the send job is keyed by it).
 */
@Injectable()
export class ComposeDigestService {
  constructor(
    private readonly digests: DigestRepository,
    private readonly users: UserRepository,
    private readonly composer: DigestComposer,
    private readonly outbox: MailOutbox,
    private readonly tx: TransactionRunner,
  ) {}

  async execute(key: DigestKey): Promise<ComposeOutcome> {
    const week = parseIsoWeek(key.week);
    if (!week) throw InvalidInputError.field('week', 'isIsoWeek', `无效的周：${key.week}`);
    const current = await this.digests.find(key);
    if (!current || current.status === 'skipped') return 'skipped';
    if (current.status === 'composed') {
      await this.outbox.dispatch([current.mailMessageId!]);
      return 'already_composed';
    }
    const user = await this.users.findById(key.recipientId);
    if (!user) return 'skipped';
    const content = await this.composer.compose(
      { id: user.id, email: user.email, name: user.name, role: user.role, zoneId: user.zoneId, desks: user.desks },
      week,
    );
    const stored = await this.tx.run(async (manager) => {
      const locked = await this.digests.lock(manager, key);
      if (!locked || locked.status === 'skipped') return null;
      if (locked.status === 'composed') return { id: locked.mailMessageId!, outcome: 'already_composed' as const };
      let id: string;
      try {
        id = (await this.outbox.store(manager, draftOf(user, week, content))).id;
      } catch (error) {
        // Checked before anything is written: an address no message can go to stays unsendable.
        if (!(error instanceof MailAddressInvalidError || error instanceof MailDraftInvalidError)) throw error;
        await this.digests.markSkipped(manager, key);
        return null;
      }
      await this.digests.markComposed(manager, key, id);
      return { id, outcome: 'composed' as const };
    });
    if (!stored) return 'skipped';
    await this.outbox.dispatch([stored.id]);
    return stored.outcome;
  }
}

function draftOf(user: User, week: IsoWeek, content: ComposedDigest): MailDraft {
  return {
    kind: 'digest',
    category: 'digest',
    dedupeKey: digestDedupeKey({ recipientId: user.id, week: week.id }),
    recipientUserId: user.id,
    to: { address: user.email, name: user.name },
    subject: content.subject,
    html: content.html,
    text: content.text,
    inlineImages: content.inlineImages,
  };
}
