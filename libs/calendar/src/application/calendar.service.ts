import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, Repository } from 'typeorm';
import { Clock } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { TransactionRunner } from '@enterpark/database';
import { CalendarDay, CalendarYearView, validatePublication } from '../domain/calendar-day';
import { ChineseWorkingCalendar } from '../domain/chinese-working-calendar';
import { officialCalendar, withoutYears } from '../domain/official-calendar';
import { WorkingCalendar } from '../domain/working-calendar';
import { CalendarDayEntity } from '../persistence/calendar-day.entity';
import { CalendarYearEntity } from '../persistence/calendar-year.entity';

/** Another replica's publication shows here within this time; a local one at once. */
const CACHE_TTL_MS = 30_000;

@Injectable()
export class CalendarService {
  private cached: { calendar: ChineseWorkingCalendar; loadedAt: number } | null = null;
  private loading: Promise<ChineseWorkingCalendar> | null = null;
  /** Bumped by a local publication, so that a load begun before it is not cached. */
  private generation = 0;

  constructor(
    @InjectRepository(CalendarYearEntity) private readonly years: Repository<CalendarYearEntity>,
    @InjectRepository(CalendarDayEntity) private readonly days: Repository<CalendarDayEntity>,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * The package's calendar with the database's overrides and published years. Inside a
   * transaction pass its manager: a reload then runs on that connection instead of waiting
   * for a free one from a pool the waiting transactions may be holding.
   */
  current(manager?: EntityManager): Promise<WorkingCalendar> {
    return this.calendar(manager);
  }

  async yearView(year: number): Promise<CalendarYearView> {
    return (await this.calendar()).describeYear(year);
  }

  /**
   * Makes `year` known with exactly these special days: its previous rows are replaced.
   * On a year the package has, the rows correct the package's days; elsewhere the days
   * not listed are plain (Monday–Friday working).
   */
  async publishYear(year: number, days: readonly CalendarDay[], actorId: string): Promise<CalendarYearView> {
    const cleaned = validatePublication(year, days);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      // The year's row first: its lock makes concurrent publications of one year take turns.
      await manager.upsert(CalendarYearEntity, { year, publishedBy: actorId, publishedAt: now }, ['year']);
      await manager.delete(CalendarDayEntity, { day: Between(`${year}-01-01`, `${year}-12-31`) });
      if (cleaned.length > 0) {
        await manager.insert(CalendarDayEntity, cleaned.map((d) => ({ ...d, updatedBy: actorId, updatedAt: now })));
      }
    });
    this.invalidate();
    return this.yearView(year);
  }

  private calendar(manager?: EntityManager): Promise<ChineseWorkingCalendar> {
    if (this.cached && performance.now() - this.cached.loadedAt < CACHE_TTL_MS) return Promise.resolve(this.cached.calendar);
    this.loading ??= this.load(this.generation, manager);
    return this.loading;
  }

  private async load(generation: number, manager?: EntityManager): Promise<ChineseWorkingCalendar> {
    const loadedAt = performance.now();
    try {
      // One after the other: a transaction's connection runs one query at a time.
      const years = await (manager?.getRepository(CalendarYearEntity) ?? this.years).find();
      const days = await (manager?.getRepository(CalendarDayEntity) ?? this.days).find();
      const overrides = days.map(({ day, kind, name }): CalendarDay => ({ day, kind, name }));
      const official = withoutYears(officialCalendar(), this.config.calendarIgnoredPackageYears);
      const calendar = new ChineseWorkingCalendar(official, overrides, years.map((y) => y.year));
      if (generation === this.generation) this.cached = { calendar, loadedAt };
      return calendar;
    } finally {
      if (generation === this.generation) this.loading = null;
    }
  }

  /** Drops the cache: the next read sees every replica's publications (the SLA sweep starts with this). */
  refresh(): void {
    this.invalidate();
  }

  private invalidate(): void {
    this.generation++;
    this.cached = null;
    this.loading = null;
  }
}
