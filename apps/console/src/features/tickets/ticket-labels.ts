import type { Ticket, TicketMatch } from '../../api/types';

export type TicketPriority = NonNullable<Ticket['priority']>;

export const PRIORITY_LABELS: Record<TicketPriority, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };

export const MATCH_STATUS_LABELS: Record<TicketMatch['status'], string> = {
  proposed: '待服务机构答复',
  accepted: '已接受',
  declined: '已拒绝',
  expired: '已过期未答复',
  withdrawn: '已撤回',
  ended: '已结束',
};

export const MATCH_STATUS_COLORS: Record<TicketMatch['status'], string> = {
  proposed: 'processing',
  accepted: 'success',
  declined: 'error',
  expired: 'warning',
  withdrawn: 'default',
  ended: 'default',
};

const REGION_FIT: Record<number, string> = { 2: '服务园区所在城市', 1: '同省服务机构', 0: '外省服务机构' };

/** What the matching worker ranks providers by, in the order it weighs them (libs/matching ranking.ts). */
export interface MatchFacts {
  regionFit?: number;
  tagOverlap?: number;
  /** Mean rating, 1–5; null before the first. */
  rating?: number | null;
  /** Open matches / capacity. */
  load?: number;
}

/** The facts as phrases a clerk reads: 服务园区所在城市 · 标签吻合 1 项 · 评分 4.2 · 负载 20%. */
export function describeMatchFacts(facts: MatchFacts): string[] {
  const parts: string[] = [];
  if (typeof facts.regionFit === 'number') parts.push(REGION_FIT[facts.regionFit] ?? `地域匹配 ${facts.regionFit}`);
  if (typeof facts.tagOverlap === 'number') parts.push(facts.tagOverlap > 0 ? `标签吻合 ${facts.tagOverlap} 项` : '无吻合标签');
  if (typeof facts.rating === 'number') parts.push(`评分 ${facts.rating.toFixed(1)}`);
  else if (facts.rating === null) parts.push('暂无评分');
  if (typeof facts.load === 'number') parts.push(`负载 ${Math.round(facts.load * 100)}%`);
  return parts;
}

/** The reasons the ranking stored on a match (none for a match made by hand). */
export function matchReasons(match: TicketMatch): MatchFacts {
  const reasons = match.reasons as Record<string, unknown>;
  const num = (key: string) => (typeof reasons[key] === 'number' ? (reasons[key] as number) : undefined);
  return { regionFit: num('regionFit'), tagOverlap: num('tagOverlap'), rating: num('rating'), load: num('load') };
}
