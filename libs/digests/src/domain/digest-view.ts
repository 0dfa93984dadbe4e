import { Capped, leftOut } from '@enterpark/statistics';
import { DigestTicket } from './digest-content';
import { dateTime, OPEN_STATUS_ORDER, statusLabel, typeLabel } from './digest-format';

/** One figure in the strip under the greeting. */
export interface StatView {
  label: string;
  value: string;
  /** Drawn in the warning colour: something waits or is late. */
  alert: boolean;
}

export interface TicketRowView {
  title: string;
  url: string;
  /** "金融进园区 · 服务中 · 合肥经开区" */
  meta: string;
  detail: string | null;
  alert: boolean;
}

export interface TableView {
  head: string[];
  rows: string[][];
}

export interface ChartView {
  /** Shown 280 px wide (the template's mj-image): half the PNG's width, sharp on dense screens. */
  cid: string;
  alt: string;
  legend: { label: string; color: string; value: string }[];
}

/** Every section has every key (null when unused), so one template renders them all. */
export interface SectionView {
  heading: string;
  note: string | null;
  chart: ChartView | null;
  tickets: TicketRowView[] | null;
  table: TableView | null;
  /** Shown when the section has nothing to list. */
  empty: string | null;
  /** "另有 N 项未列出" */
  more: string | null;
}

/** What a scope's digest says; the same for every recipient of the scope and week. */
export interface DigestBody {
  subject: string;
  preheader: string;
  weekLabel: string;
  scopeLabel: string;
  intro: string;
  stats: StatView[];
  sections: SectionView[];
}

/** The body plus what differs per recipient: what the templates render. */
export interface DigestMessageView extends DigestBody {
  greeting: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export type TicketUrl = (ticketId: string) => string;

export function section(heading: string, parts: Partial<Omit<SectionView, 'heading'>> = {}): SectionView {
  return { heading, note: null, chart: null, tickets: null, table: null, empty: null, more: null, ...parts };
}

export function stat(label: string, value: number | string, alert = false): StatView {
  return { label, value: String(value), alert: alert && value !== 0 };
}

export function moreText(n: number, unit = '项'): string | null {
  return n > 0 ? `另有 ${n} ${unit}未列出` : null;
}

export interface RowOptions {
  withZone?: boolean;
  alert?: boolean;
}

/** "金融进园区 · 服务中" (+ " · 合肥经开区" where the reader spans zones). */
export function ticketMeta(t: DigestTicket, withZone: boolean): string {
  return [typeLabel(t.type), statusLabel(t.status), withZone ? t.zoneName : null].filter(Boolean).join(' · ');
}

/** A section listing capped tickets, each with the detail line `detail` gives. */
export function ticketSection(
  heading: string,
  list: Capped<DigestTicket>,
  url: TicketUrl,
  detail: (t: DigestTicket) => string | null,
  options: RowOptions & { empty: string; note?: string },
): SectionView {
  const tickets = list.items.map((t) => ({ title: t.title, url: url(t.id), meta: ticketMeta(t, options.withZone ?? false), detail: detail(t), alert: options.alert ?? false }));
  return section(`${heading}（${list.total}）`, {
    note: options.note ?? null,
    tickets: tickets.length ? tickets : null,
    empty: tickets.length ? null : options.empty,
    more: moreText(leftOut(list)),
  });
}

/** "服务机构：XX" where a provider is matched. */
export function providerText(t: DigestTicket): string | null {
  return t.providerName ? `服务机构：${t.providerName}` : null;
}

export function joinDetails(...parts: (string | null | undefined)[]): string | null {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length ? present.join(' · ') : null;
}

export function at(label: string, when: Date | null): string | null {
  return when ? `${label} ${dateTime(when)}` : null;
}

/** Open tickets by status, in lifecycle order, those awaiting the zone's confirmation last. */
export function statusSection(heading: string, openByStatus: Record<string, number>, empty: string): SectionView {
  const rows = [...OPEN_STATUS_ORDER, 'completed'].filter((s) => (openByStatus[s] ?? 0) > 0).map((s) => [statusLabel(s), String(openByStatus[s])]);
  return section(heading, { table: rows.length ? { head: ['状态', '工单数'], rows } : null, empty: rows.length ? null : empty });
}
