import { InvalidInputError, IsoWeek, isoWeekOf, nextWeek, parseIsoWeek, previousWeek, ServiceType } from '@enterpark/common';
import { SlaStage } from '@enterpark/events';
import { LeagueTable } from './league-table';

/** The dashboard's default span (the weekly trend's length) and the longest one asked for. */
export const DASHBOARD_WEEKS = { default: 12, max: 53 } as const;
/** The league table shows the first and the last places, like the province digest, only longer. */
export const DASHBOARD_LEAGUE = { top: 20, bottom: 5 } as const;

/** ISO weeks `from`..`to` (inclusive), oldest first. */
export interface DashboardPeriod {
  weeks: IsoWeek[];
  startsAt: Date;
  endsAt: Date;
}

export interface WeekPoint {
  week: IsoWeek;
  filed: number;
  completed: number;
}

/** Stages of the period's tickets that ended (triage: accepted; matching: matched; service: completed). */
export interface SlaCompliance {
  stage: SlaStage;
  onTime: number;
  /** Ended after their working-day deadline had passed (a 催办 was sent). */
  breached: number;
}

export interface Dashboard {
  period: DashboardPeriod;
  /** Every ticket as it stands now, whatever the period: each figure is what GET /tickets?type= or ?status= lists. */
  byType: { type: ServiceType; count: number }[];
  byStatus: { status: string; count: number }[];
  weekly: WeekPoint[];
  sla: SlaCompliance[];
  league: LeagueTable;
}

function weekParam(field: 'from' | 'to', value: string | undefined, fallback: IsoWeek): IsoWeek {
  if (value === undefined) return fallback;
  const week = parseIsoWeek(value);
  if (!week) throw InvalidInputError.field(field, 'isoWeek', `${field} 须为 ISO 周，例如 2026-W47`);
  return week;
}

/**
 * The weeks the dashboard covers: `to` defaults to the current week (in Shanghai, by the
 * clock), `from` to the 12 weeks ending there. A bad or reversed range is a 400 naming the field.
 */
export function dashboardPeriod(query: { from?: string; to?: string }, now: Date): DashboardPeriod {
  const to = weekParam('to', query.to, isoWeekOf(now));
  let fallback = to;
  for (let i = 1; i < DASHBOARD_WEEKS.default; i++) fallback = previousWeek(fallback);
  const from = weekParam('from', query.from, fallback);
  if (from.startsAt > to.startsAt) throw InvalidInputError.field('from', 'notAfterTo', 'from 不能晚于 to');
  const weeks = [from];
  while (weeks[weeks.length - 1].id !== to.id) {
    if (weeks.length >= DASHBOARD_WEEKS.max) throw InvalidInputError.field('from', 'maxWeeks', `统计区间最长 ${DASHBOARD_WEEKS.max} 周`);
    weeks.push(nextWeek(weeks[weeks.length - 1]));
  }
  return { weeks, startsAt: from.startsAt, endsAt: to.endsAt };
}
