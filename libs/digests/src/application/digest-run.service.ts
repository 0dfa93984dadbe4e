import { Injectable, Logger } from '@nestjs/common';
import { Clock, InvalidInputError, IsoWeek, isoWeekOf, lastFinishedWeek, nextWeek, parseIsoWeek, previousWeek } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { TransactionRunner } from '@enterpark/database';
import { DigestRepository } from '../persistence/digest.repository';
import { DigestJobs } from './digest-jobs';

export interface DigestRunResult {
  week: string;
  /** Digests this run created (`skipped` of them included); the others are queued for composition. */
  planned: number;
  /** Recipients of the week whose digest existed before this run (a re-run or a second replica). */
  alreadyPlanned: number;
  /** Of `planned`, those created as skipped: switched off by the recipient, or the address is suppressed. */
  skipped: number;
}

/** The most digests of one week re-queued in one run; the reconciler picks up any beyond. */
const REQUEUE_LIMIT = 50_000;

/**
 * Plans the weekly digests. The scheduler only triggers `runDue`; what is due is read from
 * the database (the newest planned week), so a week missed while nothing ran is planned at
 * the next trigger, and a trigger that fires twice plans nothing new.
 */
@Injectable()
export class DigestRunService {
  private readonly logger = new Logger('Digests');

  constructor(
    private readonly digests: DigestRepository,
    private readonly jobs: DigestJobs,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Plans every finished week not planned yet, oldest first. */
  async runDue(now: Date): Promise<DigestRunResult[]> {
    const results: DigestRunResult[] = [];
    for (const week of await this.dueWeeks(now)) results.push(await this.plan(week));
    if (results.length > 0) {
      this.logger.log(`weekly digests planned: ${results.map((r) => `${r.week} (${r.planned - r.skipped} to send, ${r.skipped} skipped)`).join(', ')}`);
    }
    return results;
  }

  /** Plans one finished week (again): creates the missing digests and queues all not yet composed. */
  runWeek(weekId: string): Promise<DigestRunResult> {
    const week = parseIsoWeek(weekId);
    if (!week) throw InvalidInputError.field('week', 'isIsoWeek', 'week 必须是有效的 ISO 周，格式为 YYYY-Www（例如 2026-W47）');
    if (week.endsAt.getTime() > this.clock.now().getTime()) {
      throw InvalidInputError.field('week', 'weekEnded', `${week.id} 尚未结束，只能为已结束的周生成周报`);
    }
    return this.plan(week);
  }

  /** The weeks a run at `now` plans (see weeksDue). */
  async dueWeeks(now: Date): Promise<IsoWeek[]> {
    const firstAccount = await this.digests.firstAccountCreatedAt();
    if (!firstAccount) return [];
    return weeksDue({ now, newestPlanned: await this.digests.newestPlannedWeek(), firstAccount, catchupWeeks: this.config.digestCatchupWeeks });
  }

  private async plan(week: IsoWeek): Promise<DigestRunResult> {
    const plan = await this.tx.run((manager) => this.digests.planWeek(manager, week));
    // Every digest of the week still planned, not only this run's: a re-run also re-queues
    // what a lost job left behind (a job still queued keeps its id, so nothing doubles).
    await this.jobs.enqueueCompose(await this.digests.plannedOfWeek(week.id, REQUEUE_LIMIT));
    const created = plan.planned + plan.skipped;
    return { week: week.id, planned: created, alreadyPlanned: plan.eligible - created, skipped: plan.skipped };
  }
}

/**
 * The weeks a run plans at `now`: from the week after the newest planned one up to the last
 * finished week, but never more than `catchupWeeks` before it (after a long outage a pile of
 * stale digests helps nobody) and never before the week the first account was created.
 */
export function weeksDue(input: { now: Date; newestPlanned: string | null; firstAccount: Date; catchupWeeks: number }): IsoWeek[] {
  const last = lastFinishedWeek(input.now);
  let start = last;
  for (let i = 0; i < input.catchupWeeks; i++) start = previousWeek(start);
  // "YYYY-Www" ids compare like the weeks they name.
  if (input.newestPlanned && input.newestPlanned >= start.id) start = nextWeek(parseIsoWeek(input.newestPlanned)!);
  const firstWeek = isoWeekOf(input.firstAccount);
  if (firstWeek.id > start.id) start = firstWeek;
  const weeks: IsoWeek[] = [];
  for (let week = start; week.id <= last.id; week = nextWeek(week)) weeks.push(week);
  return weeks;
}
