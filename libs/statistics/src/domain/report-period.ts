import { inShanghai, SHANGHAI_OFFSET_MS } from '@enterpark/common';

export type ReportPeriodKind = 'month' | 'quarter' | 'year';

/** A calendar month, quarter or year in Asia/Shanghai: `[startsAt, endsAt)`. */
export interface ReportPeriod {
  /** `2026-11`, `2026-Q4` or `2026`. */
  id: string;
  kind: ReportPeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
  startsAt: Date;
  endsAt: Date;
  /** 2026年11月, 2026年第四季度, 2026年. */
  label: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** Midnight Shanghai on the first of `month` (0-based; may run past 11 into the next year). */
function startOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS);
}

function make(kind: ReportPeriodKind, year: number, index: number): ReportPeriod {
  const firstMonth = kind === 'month' ? index - 1 : kind === 'quarter' ? (index - 1) * 3 : 0;
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const id = kind === 'month' ? `${year}-${String(index).padStart(2, '0')}` : kind === 'quarter' ? `${year}-Q${index}` : String(year);
  const label = kind === 'month' ? `${year}年${index}月` : kind === 'quarter' ? `${year}年第${QUARTER_NAMES[index - 1]}季度` : `${year}年`;
  return { id, kind, year, index, startsAt: startOfMonth(year, firstMonth), endsAt: startOfMonth(year, firstMonth + months), label };
}

/** `YYYY-MM`, `YYYY-Qn` or `YYYY` (years 2000–2099); null for anything else. */
export function parseReportPeriod(text: string): ReportPeriod | null {
  const m = /^(20\d{2})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return make('month', year, Number(m[2]));
  if (m[3]) return make('quarter', year, Number(m[3]));
  return make('year', year, 1);
}

/** The month or quarter that ended last before `instant` (Shanghai). */
export function lastEndedPeriod(instant: Date, kind: 'month' | 'quarter'): ReportPeriod {
  const local = inShanghai(instant);
  const month = local.getUTCFullYear() * 12 + local.getUTCMonth();
  if (kind === 'month') return make('month', Math.floor((month - 1) / 12), ((month - 1) % 12) + 1);
  const quarter = Math.floor(month / 3) - 1;
  return make('quarter', Math.floor(quarter / 4), (quarter % 4) + 1);
}

/** Whether the period is over at `instant`. */
export function hasEnded(period: ReportPeriod, instant: Date): boolean {
  return period.endsAt.getTime() <= instant.getTime();
}

/** The first Shanghai day of the month or quarter `instant` falls in, and whether it starts a quarter. */
export function periodStartsOf(instant: Date): { monthStart: string; startsQuarter: boolean } {
  const local = inShanghai(instant);
  const month = local.getUTCMonth();
  return { monthStart: `${local.getUTCFullYear()}-${String(month + 1).padStart(2, '0')}-01`, startsQuarter: month % 3 === 0 };
}
