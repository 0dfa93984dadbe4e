import { SlaStage } from '@enterpark/events';

export const STAGE_LABELS: Record<SlaStage, string> = { triage: '受理', matching: '匹配', service: '服务' };

export const STATUS_LABELS: Record<string, string> = {
  submitted: '已提交',
  routed: '待受理',
  triaged: '已受理',
  needs_info: '待补充信息',
  returned: '已退回服务台',
  matching: '匹配中',
  matched: '已匹配',
  in_service: '服务中',
  completed: '已完成待确认',
  closed: '已办结',
  rejected: '已驳回',
  cancelled: '已取消',
};

const SUBJECT_TITLE_MAX = 80;

/**
 * A title as it may appear in a subject: one line, trimmed, at most 80 characters. The
 * mail library makes headers safe whatever it is given; this only keeps subjects tidy.
 */
export function subjectTitle(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a subject line must lose
  const line = title.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
  const chars = [...line];
  return chars.length > SUBJECT_TITLE_MAX ? `${chars.slice(0, SUBJECT_TITLE_MAX - 1).join('')}…` : line || '（无标题）';
}

/** 2.3333 → "2.3"; null → "—". */
export function days(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 10) / 10} 个工作日`;
}
