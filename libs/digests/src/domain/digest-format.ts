import { inShanghai as shanghai, IsoWeek, SERVICE_TYPE_COLORS, SERVICE_TYPE_LABELS, ServiceType } from '@enterpark/common';

const DAY_MS = 24 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "11月18日" */
export function monthDay(at: Date): string {
  const s = shanghai(at);
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
}

/** "11月18日 14:05" */
export function dateTime(at: Date): string {
  const s = shanghai(at);
  return `${monthDay(at)} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

/** "2026-11-20" (a `date` column) → "11月20日". */
export function dayLabel(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${m}月${d}日`;
}

/** "2026年第47周（11月16日—11月22日）" */
export function weekLabel(week: IsoWeek): string {
  const [year, n] = week.id.split('-W');
  const lastDay = new Date(week.endsAt.getTime() - DAY_MS);
  return `${year}年第${Number(n)}周（${monthDay(week.startsAt)}—${monthDay(lastDay)}）`;
}

/** "2026年第47周" */
export function weekShortLabel(week: IsoWeek): string {
  const [year, n] = week.id.split('-W');
  return `${year}年第${Number(n)}周`;
}

export const STATUS_LABELS: Record<string, string> = {
  submitted: '待分派',
  routed: '待受理',
  triaged: '已受理',
  needs_info: '待补充信息',
  returned: '已退单',
  matching: '匹配中',
  matched: '已匹配',
  in_service: '服务中',
  completed: '已办结待确认',
  closed: '已确认办结',
  rejected: '已驳回',
  cancelled: '已撤销',
};

/** The order statuses appear in a status table: the lifecycle's. */
export const OPEN_STATUS_ORDER = ['submitted', 'routed', 'needs_info', 'returned', 'triaged', 'matching', 'matched', 'in_service'] as const;

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function typeLabel(type: ServiceType): string {
  return SERVICE_TYPE_LABELS[type];
}

/** "金融进园区服务台" / "金融、培训进园区服务台" */
export function desksLabel(desks: readonly ServiceType[]): string {
  if (desks.length === 0) return '未加入服务台';
  return `${desks.map((d) => SERVICE_TYPE_LABELS[d].replace('进园区', '')).join('、')}进园区服务台`;
}

/** The bars' colours; the HTML legend repeats them, so the PNG needs no text. */
export const TYPE_COLORS = SERVICE_TYPE_COLORS;

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export function workingDays(days: number | null): string {
  return days === null ? '—' : `${days.toFixed(1)} 个工作日`;
}

export function rating(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}
