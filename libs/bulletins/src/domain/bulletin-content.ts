import { ServiceType } from '@enterpark/common';
import { RankingItem, RankingWeights, ReportPeriod } from '@enterpark/statistics';

export type BulletinKind = 'month' | 'quarter';

/** A ticket named under 四、存在问题. */
export interface ProblemTicket {
  ticketId: string;
  title: string;
  zoneName: string;
  type: ServiceType;
  /** What makes it a problem: days overdue, the return reason, the rating. */
  note: string;
}

export interface ProblemGroup {
  count: number;
  /** The first few, the worst first; `count` says how many there are in all. */
  items: ProblemTicket[];
}

/** One problem of 问题归集 (tickets of several zones handled as one), as the bulletin shows it. */
export interface ProblemRecordLine {
  title: string;
  /** The zones involved and how many of their tickets, e.g. 合肥经开区 3、芜湖经开区 2. */
  zones: string;
  ticketCount: number;
  status: '已办结' | '办理中';
  /** The resolution for a problem resolved in the period; empty while it is open. */
  resolution: string;
}

/** 问题归集 in the period: how many problems were grouped, resolved and still open, the lines listed. */
export interface ProblemRecords {
  created: number;
  resolved: number;
  open: number;
  lines: ProblemRecordLine[];
}

export interface BulletinAction extends RankingItem {
  type: ServiceType;
  typeName: string;
}

/**
 * A bulletin as issued: every figure frozen at issue time, stored as JSON, and the only input
 * of its documents (.docx, .xlsx, the chart), so later changes to tickets never alter it.
 */
export interface BulletinContent {
  period: { id: string; kind: BulletinKind; label: string; startsAt: string; endsAt: string };
  title: string;
  /** When the figures were taken. */
  asOf: string;
  weights: RankingWeights;
  /** 一、总体情况: the province's line (filed = submitted). */
  overview: RankingItem;
  /** 一 and 三: each action (its desk's tickets). */
  actions: BulletinAction[];
  /** 二、园区排名: zones in rank order. */
  zones: RankingItem[];
  /** 四、存在问题. */
  problems: { overdue: ProblemGroup; returned: ProblemGroup; escalated: ProblemGroup; lowestRated: ProblemGroup };
  /** 五、问题归集: left out of documents when the period had no problem (bulletins issued before it existed have none). */
  problemRecords?: ProblemRecords;
}

/** 全省"进园区"服务工作情况通报（2026年11月） / （2026年第4季度）. */
export function bulletinTitle(period: ReportPeriod): string {
  const when = period.kind === 'quarter' ? `${period.year}年第${period.index}季度` : `${period.year}年${period.index}月`;
  return `全省"进园区"服务工作情况通报（${when}）`;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The bulletin's file name: its title with Chinese quotation marks (a straight " is not allowed
 * in file names on Windows, and browsers replace it).
 */
export function bulletinFileName(content: Pick<BulletinContent, 'title'>, ext: 'docx' | 'xlsx', draft = false): string {
  return `${content.title.replace(/"([^"]*)"/g, '“$1”')}${draft ? '（草稿）' : ''}.${ext}`;
}

/** A rate as a percentage with one decimal (66.7%); a rate without a denominator as —. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function figure(value: number | null, unit = ''): string {
  return value === null ? '—' : `${value}${unit}`;
}
