import { Injectable } from '@nestjs/common';
import { CalendarService, CalendarYearMissingError, WorkingCalendar } from '@enterpark/calendar';
import { Clock, InvalidInputError } from '@enterpark/common';
import { checkRankingWeights, DEFAULT_RANKING_WEIGHTS, figuresOf, totalOf, RANKING_DIMENSIONS, RankingCounts, RankingDimension, RankingItem, rankItems, RankingWeights } from '../domain/ranking';
import { parseReportPeriod, ReportPeriod } from '../domain/report-period';
import { RankingCountRow, RankingRepository, ZoneLevel } from '../persistence/ranking.repository';

export const RANKING_LEVELS: ZoneLevel[] = ['national', 'provincial', 'cultivating'];

export interface LeagueTableQuery {
  period: string;
  by: string;
  level?: string;
}

/** Any stretch a league table covers: a month, quarter or year, or an ISO week (the digests'). */
export type RankingPeriod = Pick<ReportPeriod, 'id' | 'label' | 'startsAt' | 'endsAt'>;

export interface RankingTable {
  period: RankingPeriod;
  by: RankingDimension;
  level: ZoneLevel | null;
  weights: RankingWeights;
  items: RankingItem[];
  /** All the groups' tickets together, unranked. */
  total: RankingItem;
}

/** League tables of zones, desks or providers over a month, quarter or year (issue 12 definitions). */
@Injectable()
export class RankingsService {
  constructor(
    private readonly rankings: RankingRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async read(query: LeagueTableQuery): Promise<RankingTable> {
    const period = parseReportPeriod(query.period ?? '');
    if (!period) throw InvalidInputError.field('period', 'isReportPeriod', 'period 须为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年），如 2026-11、2026-Q4、2026');
    if (!(RANKING_DIMENSIONS as readonly string[]).includes(query.by)) throw InvalidInputError.field('by', 'isIn', 'by 须为 zone（园区）、desk（服务台）或 provider（服务机构）');
    const level = query.level ?? null;
    if (level !== null && !(RANKING_LEVELS as string[]).includes(level)) throw InvalidInputError.field('level', 'isIn', 'level 须为 national、provincial 或 cultivating');
    return this.table(period, query.by as RankingDimension, level as ZoneLevel | null);
  }

  async table(period: RankingPeriod, by: RankingDimension, level: ZoneLevel | null = null): Promise<RankingTable> {
    const [rows, weights, calendar] = await Promise.all([this.rankings.counts(period, by, level), this.weights(), this.calendar.current()]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const candidates = await this.rankings.candidates(by, level, rows.map((r) => r.key));
    const counts = candidates.map((c) => countsOf(c, byKey.get(c.id), calendar));
    return { period, by, level, weights, items: rankItems(counts, weights), total: figuresOf(totalOf(counts, 'total', '合计'), weights) };
  }

  async weights(): Promise<RankingWeights> {
    return (await this.rankings.weights()) ?? DEFAULT_RANKING_WEIGHTS;
  }

  async setWeights(weights: RankingWeights, actorId: string): Promise<RankingWeights> {
    await this.rankings.saveWeights(checkRankingWeights(weights), actorId, this.clock.now());
    return this.weights();
  }
}

function countsOf(candidate: { id: string; name: string }, row: RankingCountRow | undefined, calendar: WorkingCalendar): RankingCounts {
  return {
    ...candidate,
    submitted: row?.submitted ?? 0,
    completed: row?.completed ?? 0,
    completedOnTime: row?.completed_on_time ?? 0,
    confirmations: row?.confirmations ?? 0,
    satisfied: row?.satisfied ?? 0,
    returned: row?.returned ?? 0,
    workingDays: (row?.spans ?? []).map((s) => workingDaysOf(new Date(s.from), new Date(s.to), calendar)),
  };
}

function workingDaysOf(from: Date, to: Date, calendar: WorkingCalendar): number | null {
  try {
    return calendar.workingDaysBetween(from, to);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}
