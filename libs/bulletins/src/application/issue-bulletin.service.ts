import { Injectable, Logger } from '@nestjs/common';
import { CalendarService } from '@enterpark/calendar';
import { Clock } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { MailOutbox } from '@enterpark/mail';
import { hasEnded } from '@enterpark/statistics';
import { BulletinNotFoundError, BulletinPeriodNotEndedError } from '../bulletins.errors';
import { bulletinChartPng } from '../domain/bulletin-chart';
import { BulletinContent } from '../domain/bulletin-content';
import { renderBulletinDocx } from '../domain/bulletin-docx';
import { bulletinsDue } from '../domain/bulletin-schedule';
import { BulletinRepository, StoredBulletin } from '../persistence/bulletin.repository';
import { bulletinDraft } from './bulletin-mail';
import { bulletinPeriod, ComposeBulletinService } from './compose-bulletin.service';

export interface IssuedBulletin {
  bulletin: StoredBulletin;
  /** False when the period already had its bulletin (nothing was stored or mailed again). */
  created: boolean;
}

/**
 * 一月一通报、一季一评比: issues a finished period's bulletin once. The figures are taken, the
 * document rendered, and in one transaction the bulletin row (primary key: the period) and one
 * mail per recipient with the .docx are stored; a second worker, a redelivered job or a second
 * click loses the INSERT and stores nothing. The mails are dispatched after commit.
 */
@Injectable()
export class IssueBulletinService {
  private readonly logger = new Logger('Bulletins');

  constructor(
    private readonly compose: ComposeBulletinService,
    private readonly bulletins: BulletinRepository,
    private readonly transactions: TransactionRunner,
    private readonly mail: MailOutbox,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async issue(periodText: string, actorId: string | null, options: { skipEmpty?: boolean } = {}): Promise<IssuedBulletin | null> {
    const period = bulletinPeriod(periodText);
    const now = this.clock.now();
    if (!hasEnded(period, now)) throw new BulletinPeriodNotEndedError(period.label);
    const existing = await this.bulletins.find(period.id);
    if (existing) return { bulletin: existing, created: false };
    const content = await this.compose.compose(period);
    if (options.skipEmpty && content.overview.submitted === 0) {
      this.logger.log(`bulletin ${period.id} not issued: no ticket was filed in the period`);
      return null;
    }
    const docx = await this.document(content);
    const mailIds: string[] = [];
    const created = await this.transactions.run(async (manager) => {
      if (!(await this.bulletins.insert(manager, { period: period.id, kind: period.kind, content, issuedAt: now, issuedBy: actorId }))) return false;
      for (const to of await this.bulletins.recipients(manager)) {
        const stored = await this.mail.store(manager, bulletinDraft(content, docx, to));
        if (stored.created) mailIds.push(stored.id);
      }
      await this.bulletins.markMailed(manager, period.id, now);
      return true;
    });
    await this.mail.dispatch(mailIds);
    if (created) this.logger.log(`bulletin ${period.id} issued, ${mailIds.length} mail(s)`);
    const bulletin = await this.bulletins.find(period.id);
    return { bulletin: bulletin!, created };
  }

  /**
   * The daily 09:00 run: on the first working day of a month (and quarter) the period just
   * ended, unless nothing at all was filed in it (a new installation; a coordinator may still
   * issue it by hand).
   */
  async issueDue(): Promise<string[]> {
    const calendar = await this.calendar.current();
    const due = bulletinsDue(this.clock.now(), (day) => calendar.isWorkday(day));
    const issued: string[] = [];
    for (const period of due) if ((await this.issue(period.id, null, { skipEmpty: true }))?.created) issued.push(period.id);
    return issued;
  }

  async find(periodText: string): Promise<StoredBulletin> {
    const period = bulletinPeriod(periodText);
    const bulletin = await this.bulletins.find(period.id);
    if (!bulletin) throw new BulletinNotFoundError(period.id);
    return bulletin;
  }

  list(): Promise<StoredBulletin[]> {
    return this.bulletins.list();
  }

  /** A draft of any month or quarter, ended or not, as it would read now; nothing is stored. */
  async preview(periodText: string): Promise<{ content: BulletinContent; docx: Buffer }> {
    const content = await this.compose.compose(bulletinPeriod(periodText));
    return { content, docx: await this.document(content, true) };
  }

  /** The .docx of stored (frozen) content. */
  async document(content: BulletinContent, draft = false): Promise<Buffer> {
    return renderBulletinDocx(content, await bulletinChartPng(content), draft);
  }
}
