import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InvalidInputError, IsoWeek, parseIsoWeek } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { User, UserRepository } from '@enterpark/identity';
import { MailAddressInvalidError, MailDraft, MailDraftInvalidError, MailOutbox } from '@enterpark/mail';
import { ComposedDigest, recipientOf } from '../domain/digest-content';
import { DigestKey, digestKeyId, DigestRepository } from '../persistence/digest.repository';
import { DigestComposer } from './digest-composer.service';

export type ComposeOutcome = 'composed' | 'already_composed' | 'skipped';

/** The one mail per digest: the dedupe key makes a second one an index violation the outbox ignores. */
export function digestDedupeKey(key: DigestKey): string {
  return `digest:${key.recipientId}:${key.week}`;
}

/**
 * Composes planned digests and hands them to the mail sender, a batch at a time (the
 * worker gathers the jobs that arrive together): one read of the digests and of their
 * recipients, the contents rendered outside any transaction (they read a week of tickets),
 * then one transaction that locks the rows, stores the messages and marks them composed,
 * so exactly one attempt turns a digest into a message. A redelivered job finds its digest
 * composed and only dispatches its message again (the send job is keyed by it).
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
    return (await this.executeBatch([key]))[0];
  }

  /** One outcome per key, in order; a key given twice is composed once. */
  async executeBatch(keys: readonly DigestKey[]): Promise<ComposeOutcome[]> {
    const weeks = new Map<string, IsoWeek>();
    for (const key of keys) {
      const week = parseIsoWeek(key.week);
      if (!week) throw InvalidInputError.field('week', 'isIsoWeek', `无效的周：${key.week}`);
      weeks.set(key.week, week);
    }
    const unique = [...new Map(keys.map((key) => [digestKeyId(key), key])).values()];
    const outcomes = new Map<string, ComposeOutcome>();
    const dispatch: string[] = [];
    const current = await this.digests.findMany(unique);
    const planned = unique.filter((key) => {
      const state = current.get(digestKeyId(key));
      if (state?.status === 'composed') dispatch.push(state.mailMessageId!);
      if (state?.status !== 'planned') outcomes.set(digestKeyId(key), state?.status === 'composed' ? 'already_composed' : 'skipped');
      return state?.status === 'planned';
    });
    // The weeks' shared figures (cached, shared with every later caller) start now: the zone
    // digests, most of a run, do not need them and are composed meanwhile. A failure here
    // reaches the recipients that need the figures, when they ask for them.
    for (const id of new Set(planned.map((key) => key.week))) this.composer.prepare(weeks.get(id)!).catch(() => undefined);
    const users = new Map((await this.users.findByIds([...new Set(planned.map((key) => key.recipientId))])).map((user) => [user.id, user]));
    const byWeek = new Map<string, { key: DigestKey; user: User }[]>();
    for (const key of planned) {
      const user = users.get(key.recipientId);
      if (!user) outcomes.set(digestKeyId(key), 'skipped');
      else byWeek.set(key.week, [...(byWeek.get(key.week) ?? []), { key, user }]);
    }
    const composed: { key: DigestKey; draft: MailDraft }[] = [];
    for (const [id, entries] of byWeek) {
      const week = weeks.get(id)!;
      const contents = await this.composer.composeMany(entries.map(({ user }) => recipientOf(user)), week);
      entries.forEach(({ key, user }, i) => composed.push({ key, draft: draftOf(user, week, contents[i]) }));
    }
    await this.tx.run(async (manager) => {
      const locked = await this.digests.lockMany(manager, composed.map((d) => d.key));
      const stored: { key: DigestKey; mailMessageId: string }[] = [];
      for (const { key, draft } of composed) {
        const state = locked.get(digestKeyId(key));
        if (!state || state.status === 'skipped') {
          outcomes.set(digestKeyId(key), 'skipped');
        } else if (state.status === 'composed') {
          dispatch.push(state.mailMessageId!);
          outcomes.set(digestKeyId(key), 'already_composed');
        } else if (await this.store(manager, key, draft, stored)) {
          outcomes.set(digestKeyId(key), 'composed');
        } else {
          outcomes.set(digestKeyId(key), 'skipped');
        }
      }
      await this.digests.markComposed(manager, stored);
      dispatch.push(...stored.map((s) => s.mailMessageId));
    });
    await this.outbox.dispatch(dispatch);
    return keys.map((key) => outcomes.get(digestKeyId(key))!);
  }

  /** False when the draft can never be sent: the digest is marked skipped instead. */
  private async store(manager: EntityManager, key: DigestKey, draft: MailDraft, stored: { key: DigestKey; mailMessageId: string }[]): Promise<boolean> {
    try {
      stored.push({ key, mailMessageId: (await this.outbox.store(manager, draft)).id });
      return true;
    } catch (error) {
      // Checked before anything is written: an address no message can go to stays unsendable.
      if (!(error instanceof MailAddressInvalidError || error instanceof MailDraftInvalidError)) throw error;
      await this.digests.markSkipped(manager, key);
      return false;
    }
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
