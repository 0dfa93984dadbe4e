import { SERVICE_TYPE_LABELS } from '@enterpark/common';
import { EventPayloads } from '@enterpark/events';
import { formatShanghai } from './shanghai-time';
import { NotificationView, TicketFacts } from './notification-view';
import { ticketFacts } from './ticket-messages';
import { STAGE_LABELS, STATUS_LABELS, subjectTitle } from './wording';

type Lateness = EventPayloads['ticket.sla_breached'];

function latenessFacts(t: TicketFacts, e: Lateness) {
  return [
    ...ticketFacts(t),
    { label: '超时环节', value: STAGE_LABELS[e.stage] },
    { label: '办理时限', value: `${formatShanghai(new Date(e.dueAt))}（北京时间）` },
    { label: '当前状态', value: STATUS_LABELS[t.status] ?? t.status },
  ];
}

/**
 * 催办: to the assignee the event names, or (`toDesk`) to every member of a desk on which
 * nobody holds the ticket yet.
 */
export function slaReminderMessage(t: TicketFacts, e: Lateness, toDesk: boolean, name: string, url: string): NotificationView {
  const stage = STAGE_LABELS[e.stage];
  const whose = toDesk ? `${SERVICE_TYPE_LABELS[e.desk ?? t.type]}服务台尚未分配负责人的工单` : '您负责的工单';
  return {
    kind: 'sla_reminder',
    subject: `【催办】工单${stage}已超时：${subjectTitle(t.title)}`,
    heading: `催办：工单${stage}已超时`,
    greeting: `${name}：您好！`,
    paragraphs: [
      `${whose}「${t.title}」已超过${stage}时限（北京时间 ${formatShanghai(new Date(e.dueAt))}），请尽快处理。`,
      '一个工作日后仍未处理的，将提请开发区处督办。',
    ],
    quote: null,
    facts: latenessFacts(t, e),
    action: { label: '立即处理', url },
    notes: [],
  };
}

/** 督办: to every coordinator, a working day after the reminder went unheeded. */
export function slaEscalationMessage(t: TicketFacts, e: Lateness, assigneeName: string | null, name: string, url: string): NotificationView {
  const stage = STAGE_LABELS[e.stage];
  const desk = e.desk ?? t.desk;
  return {
    kind: 'sla_escalation',
    subject: `【督办】工单${stage}超时未办：${subjectTitle(t.title)}`,
    heading: `督办：工单${stage}超时未办`,
    greeting: `${name}：您好！`,
    paragraphs: [`工单「${t.title}」在${stage}环节超时，催办一个工作日后仍未处理，现提请督办。`],
    quote: null,
    facts: [
      ...latenessFacts(t, e),
      { label: '服务台', value: desk ? SERVICE_TYPE_LABELS[desk] : '—' },
      { label: '负责人', value: assigneeName ?? '未分配' },
    ],
    action: { label: '查看工单', url },
    notes: [],
  };
}
