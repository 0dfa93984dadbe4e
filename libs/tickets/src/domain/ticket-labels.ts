import type { SlaStage, TicketPriority } from '@enterpark/events';
import type { TicketStatus } from './ticket-status';

/** Statuses by the names the web console shows, so that an export reads like the page it came from. */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '已提交',
  routed: '已分派',
  triaged: '已受理',
  needs_info: '待补充信息',
  returned: '已退单',
  matching: '匹配中',
  matched: '已匹配',
  in_service: '服务中',
  completed: '待确认办结',
  closed: '已办结',
  rejected: '已驳回',
  cancelled: '已撤回',
};

export const TICKET_PRIORITY_LABELS: Record<TicketPriority, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };

export const SLA_STAGE_LABELS: Record<SlaStage, string> = { triage: '受理', matching: '匹配', service: '服务' };
