import type { components } from '../../api/schema';

export type Webhook = components['schemas']['WebhookEndpointResponse'];
export type RegisteredWebhook = components['schemas']['RegisteredWebhookResponse'];
export type RegisterWebhook = components['schemas']['RegisterWebhookRequest'];
export type WebhookDelivery = components['schemas']['WebhookDeliveryResponse'];
export type WebhookEvent = Webhook['events'][number];
export type DeliveryStatus = WebhookDelivery['status'];

/** The events a receiver can subscribe to, by what they mean. */
export const EVENT_LABELS: Record<WebhookEvent, string> = {
  'demand_list.filed': '需求清单已提交',
  'demand_list.completed': '需求清单已完成',
  'ticket.submitted': '工单已提交',
  'ticket.routed': '工单已分派',
  'ticket.accepted': '工单已受理',
  'ticket.rejected': '工单已驳回',
  'ticket.info_requested': '要求补充信息',
  'ticket.info_provided': '园区已补充信息',
  'ticket.returned': '窗口退单',
  'ticket.rerouted': '协调员改派',
  'ticket.assigned': '已指派经办人',
  'ticket.match_proposed': '已推荐服务机构',
  'ticket.match_declined': '服务机构未接受',
  'ticket.match_expired': '服务机构未答复',
  'ticket.matching_exhausted': '无可匹配的服务机构',
  'ticket.matched': '已匹配服务机构',
  'ticket.activity_recorded': '记录服务活动',
  'ticket.service_completed': '窗口已办结',
  'ticket.confirmed': '园区已确认',
  'ticket.reopened': '重新办理',
  'ticket.cancelled': '园区已撤回',
  'ticket.completed': '已生成办结小结',
  'ticket.closed': '工单已关闭',
  'ticket.sla_breached': '超时催办',
  'ticket.sla_escalated': '超时督办',
  'ticket.sla_unscheduled': '时限待定（日历缺年份）',
  'ticket.problem_linked': '归入一类问题',
  'ticket.problem_unlinked': '移出一类问题',
  'ticket.problem_resolved': '一类问题已办结',
  'ticket.template_used': '使用经验模板',
};

export const EVENT_OPTIONS = (Object.keys(EVENT_LABELS) as WebhookEvent[]).map((e) => ({ value: e, label: `${EVENT_LABELS[e]}（${e}）` }));

export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; color: string }> = {
  pending: { label: '等待投递', color: 'default' },
  sending: { label: '投递中', color: 'blue' },
  delivered: { label: '已送达', color: 'green' },
  failed: { label: '失败', color: 'red' },
  cancelled: { label: '已取消', color: 'default' },
};
