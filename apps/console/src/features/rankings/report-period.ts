export type PeriodKind = 'month' | 'quarter' | 'year';

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' };

/** The kind of a period id: 2026-11, 2026-Q4 or 2026. */
export function periodKindOf(period: string): PeriodKind {
  return /-Q\d$/.test(period) ? 'quarter' : /-\d{2}$/.test(period) ? 'month' : 'year';
}

/** The period of `kind` that ended last before `today` (YYYY-MM-DD): last month, last quarter, last year. */
export function lastEndedPeriod(today: string, kind: PeriodKind): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  if (kind === 'year') return String(year - 1);
  if (kind === 'month') return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
  const quarter = Math.floor(month / 3);
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

/** The periods of `kind` offered in the picker: the current one and `count` before it, newest first. */
export function recentPeriods(today: string, kind: PeriodKind, count: number): { value: string; label: string }[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const out: { value: string; label: string }[] = [];
  for (let i = 0; i <= count; i++) {
    if (kind === 'year') out.push({ value: String(year - i), label: `${year - i}年` });
    if (kind === 'month') {
      const m = year * 12 + month - i;
      const y = Math.floor(m / 12);
      out.push({ value: `${y}-${String((m % 12) + 1).padStart(2, '0')}`, label: `${y}年${(m % 12) + 1}月` });
    }
    if (kind === 'quarter') {
      const q = year * 4 + Math.floor(month / 3) - i;
      const y = Math.floor(q / 4);
      out.push({ value: `${y}-Q${(q % 4) + 1}`, label: `${y}年第${(q % 4) + 1}季度` });
    }
  }
  return out;
}

/** A rate as a percentage with one decimal; — when it has no denominator. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Today in Asia/Shanghai, as the default for the picker. */
export function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
