import { SERVICE_TYPE_LABELS } from '@enterpark/common';
import { formatShanghai } from './shanghai-time';
import { NotificationView, TicketFacts } from './notification-view';
import { ticketFacts } from './ticket-messages';
import { STATUS_LABELS, subjectTitle } from './wording';

/** How the ticket came to the recipient: routing chose them, or a colleague (or coordinator) assigned it. */
export type AssignedBy = { kind: 'routing' } | { kind: 'person'; name: string };

/** To the assignee: the ticket is theirs now, with its deadline when one runs. */
export function ticketAssignedMessage(t: TicketFacts, by: AssignedBy, name: string, url: string): NotificationView {
  const desk = SERVICE_TYPE_LABELS[t.desk ?? t.type];
  const how = by.kind === 'routing' ? `已分派到${desk}服务台，由您负责办理` : `已由${by.name}指派给您办理`;
  const due = t.slaDueAt ? [{ label: '办理时限', value: `${formatShanghai(t.slaDueAt)}（北京时间）` }] : [];
  return {
    kind: 'ticket_assigned',
    subject: `【进园区服务】新工单已分配给您：${subjectTitle(t.title)}`,
    heading: '新工单已分配给您',
    greeting: `${name}：您好！`,
    paragraphs: [
      `${t.zone.name}提交的需求「${t.title}」${how}。`,
      by.kind === 'routing' ? '请登录平台及时受理，或驳回、要求补充信息、退回服务台。' : '请登录平台查看工单并继续办理。',
    ],
    quote: t.description ? { label: '需求说明', text: t.description } : null,
    facts: [...ticketFacts(t), { label: '当前状态', value: STATUS_LABELS[t.status] ?? t.status }, ...due],
    action: { label: '查看工单', url },
    notes: [],
  };
}
