import type { HistoryEntry } from '../../api/types';
import { ACTIVITY_KIND_LABELS, SERVICE_TYPE_LABELS } from '../../labels/labels';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const type = (v: unknown) => SERVICE_TYPE_LABELS[v as keyof typeof SERVICE_TYPE_LABELS] ?? str(v);
const STAGES: Record<string, string> = { triage: '受理', matching: '匹配', service: '服务' };

/** Each event of a ticket's history as a line a zone or desk reads; detail from the event's own data. */
const DESCRIBE: Record<string, (d: Data) => string> = {
  'ticket.submitted': () => '需求已提交',
  'ticket.routed': (d) => `已分派至${type(d.desk)}窗口`,
  'ticket.accepted': () => '窗口已受理',
  'ticket.rejected': (d) => `已驳回：${str(d.reason)}`,
  'ticket.info_requested': (d) => `窗口要求补充信息：${str(d.question)}`,
  'ticket.info_provided': (d) => `园区已补充信息：${str(d.answer)}`,
  'ticket.returned': (d) => `窗口退单：${str(d.reason)}`,
  'ticket.rerouted': (d) => `协调员改派至${type(d.toType)}：${str(d.reason)}`,
  'ticket.assigned': () => '已指派经办人',
  'ticket.match_proposed': () => '已向服务机构发出服务邀请',
  'ticket.match_declined': (d) => `服务机构未接受邀请：${str(d.reason)}`,
  'ticket.match_expired': () => '服务机构未在期限内答复',
  'ticket.matching_exhausted': () => '暂无可匹配的服务机构，已提请协调员处理',
  'ticket.matched': () => '已匹配服务机构',
  'ticket.activity_recorded': (d) => `记录服务活动：${ACTIVITY_KIND_LABELS[d.kind as keyof typeof ACTIVITY_KIND_LABELS] ?? str(d.kind)}（${str(d.day)}）`,
  'ticket.service_completed': (d) => `窗口已办结：${str(d.outcome)}`,
  'ticket.confirmed': (d) => `园区确认办结：${Number(d.rating)} 星，${d.solved ? '问题已解决' : '问题未解决'}${d.comment ? `，${str(d.comment)}` : ''}`,
  'ticket.reopened': (d) => `重新办理：${str(d.reason)}`,
  'ticket.cancelled': (d) => `园区已撤回：${str(d.reason)}`,
  'ticket.completed': () => '已生成办结小结',
  'ticket.closed': () => '工单已关闭',
  'ticket.sla_breached': (d) => `${STAGES[str(d.stage)] ?? ''}超时，已催办`,
  'ticket.sla_escalated': (d) => `${STAGES[str(d.stage)] ?? ''}超时，已督办`,
  'ticket.sla_unscheduled': (d) => `日历缺少 ${String(d.missingYear)} 年数据，时限待定`,
  'ticket.problem_linked': (d) => `归入一类问题「${str(d.problemTitle)}」`,
  'ticket.problem_unlinked': (d) => `移出一类问题「${str(d.problemTitle)}」`,
  'ticket.problem_resolved': (d) => `一类问题「${str(d.problemTitle)}」已办结：${str(d.resolution)}`,
  'ticket.template_used': (d) => `使用经验模板「${str(d.templateTitle)}」`,
};

export function describeHistory(entry: HistoryEntry): string {
  const describe = DESCRIBE[entry.type];
  return describe ? describe((entry.data ?? {}) as Data) : entry.type;
}

/** Events that call for attention in the timeline. */
export function historyColor(entry: HistoryEntry): string {
  if (/rejected|cancelled|sla_escalated|matching_exhausted/.test(entry.type)) return 'red';
  if (/info_requested|sla_breached|returned|declined|expired/.test(entry.type)) return 'orange';
  if (/confirmed|closed|service_completed|matched/.test(entry.type)) return 'green';
  return 'blue';
}
