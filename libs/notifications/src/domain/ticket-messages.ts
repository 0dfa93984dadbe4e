import { SERVICE_TYPE_LABELS, ServiceType } from '@enterpark/common';
import { DemandListSummary, EventPayloads } from '@enterpark/events';
import { formatShanghai } from './shanghai-time';
import { Fact, NotificationView, ProposalFacts, TicketFacts } from './notification-view';
import { days, subjectTitle } from './wording';

const BRAND = '【进园区服务】';

/** The rows every ticket message starts with: what was asked, by which zone, of which kind. */
export function ticketFacts(t: TicketFacts): Fact[] {
  return [
    { label: '需求名称', value: t.title },
    { label: '所属园区', value: `${t.zone.name}（${t.zone.city}）` },
    { label: '服务类型', value: SERVICE_TYPE_LABELS[t.type] },
    { label: '需求清单', value: t.demandListTitle },
  ];
}

/** To the provider: the demand, the answer deadline and the link to its accept/decline page. */
export function proposalMessage(p: ProposalFacts, answerBy: Date, respondUrl: string): NotificationView {
  const t = p.ticket;
  return {
    kind: 'match_proposed',
    subject: `${BRAND}一对一服务推荐：${subjectTitle(t.title)}`,
    heading: '一对一定制服务推荐',
    greeting: `${p.provider.name}：您好！`,
    paragraphs: [
      `省商务厅开发区处根据${t.zone.name}提交的${SERVICE_TYPE_LABELS[t.type]}需求，推荐贵单位为其提供一对一定制服务。`,
      `请于北京时间 ${formatShanghai(answerBy)} 前通过下方链接答复是否承接；逾期未答复的，平台将推荐其他服务机构。`,
    ],
    quote: t.description ? { label: '需求说明', text: t.description } : null,
    facts: [
      ...ticketFacts(t).filter((f) => f.label !== '需求清单'),
      ...(t.tags.length ? [{ label: '需求标签', value: t.tags.join('、') }] : []),
      { label: '答复截止', value: `${formatShanghai(answerBy)}（北京时间）` },
    ],
    action: { label: '查看并答复推荐', url: respondUrl },
    notes: ['该链接仅用于本次推荐，答复一次后即失效，请勿转发。'],
  };
}

/** To the zone's managers: the desk's question, waiting on their answer. */
export function infoRequestedMessage(t: TicketFacts, e: EventPayloads['ticket.info_requested'], askedAt: Date, name: string, url: string): NotificationView {
  return {
    kind: 'info_requested',
    subject: `${BRAND}需求待补充信息：${subjectTitle(t.title)}`,
    heading: '服务台请您补充需求信息',
    greeting: `${name}：您好！`,
    paragraphs: [`${SERVICE_TYPE_LABELS[t.desk ?? t.type]}服务台就贵园区的需求「${t.title}」提出了问题，请登录平台补充信息，工单将在您答复后继续办理。`],
    quote: { label: '服务台的问题', text: e.question },
    facts: [...ticketFacts(t), { label: '提问时间', value: `${formatShanghai(askedAt)}（北京时间）` }],
    action: { label: '查看工单并答复', url },
    notes: [],
  };
}

/** To the zone's managers: the service is done; they confirm (solved or not) and rate it. */
export function awaitingConfirmationMessage(
  t: TicketFacts,
  e: EventPayloads['ticket.service_completed'],
  completedAt: Date,
  name: string,
  url: string,
): NotificationView {
  const round = e.round > 1 ? [{ label: '服务轮次', value: `第 ${e.round} 轮` }] : [];
  return {
    kind: 'awaiting_confirmation',
    subject: `${BRAND}服务已完成，请确认：${subjectTitle(t.title)}`,
    heading: '服务已完成，等待您确认',
    greeting: `${name}：您好！`,
    paragraphs: [
      `贵园区的需求「${t.title}」已由${t.provider?.name ?? '服务机构'}完成服务。`,
      '请登录平台确认问题是否已解决，并为本次服务评分（1–5 分）；如未解决，可说明原因，工单将继续办理。',
    ],
    quote: { label: '服务成果', text: e.notes ? `${e.outcome}\n${e.notes}` : e.outcome },
    facts: [
      ...ticketFacts(t),
      { label: '服务机构', value: t.provider?.name ?? '—' },
      ...round,
      { label: '完成时间', value: `${formatShanghai(completedAt)}（北京时间）` },
    ],
    action: { label: '确认并评价', url },
    notes: [],
  };
}

/** To the zone's managers: every item of their list is finished; the list's figures. */
export function listCompletedMessage(s: DemandListSummary, name: string): NotificationView {
  const byType = Object.entries(s.byType)
    .map(([type, n]) => `${SERVICE_TYPE_LABELS[type as ServiceType]} ${n} 项`)
    .join('、');
  const rating = s.averageRating === null ? '暂无评价' : `${Math.round(s.averageRating * 10) / 10} 分（${s.ratedTickets} 项已评价）`;
  return {
    kind: 'list_completed',
    subject: `${BRAND}需求清单已全部办结：${subjectTitle(s.title)}`,
    heading: '需求清单已全部办结',
    greeting: `${name}：您好！`,
    paragraphs: [`贵园区（${s.zone.name}）的需求清单「${s.title}」中的 ${s.tickets} 项需求已全部办结，办理情况如下。`],
    quote: null,
    facts: [
      { label: '需求总数', value: `${s.tickets} 项` },
      { label: '按类型', value: byType || '—' },
      { label: '办理结果', value: `办结 ${s.byOutcome.closed} 项，驳回 ${s.byOutcome.rejected} 项，取消 ${s.byOutcome.cancelled} 项` },
      { label: '匹配用时', value: `中位数 ${days(s.workingDaysToMatch.median)}，最长 ${days(s.workingDaysToMatch.worst)}` },
      { label: '完成用时', value: `中位数 ${days(s.workingDaysToComplete.median)}，最长 ${days(s.workingDaysToComplete.worst)}` },
      { label: '平均评分', value: rating },
      { label: '超时工单', value: `${s.slaBreachedTickets} 项` },
      { label: '提交时间', value: `${formatShanghai(new Date(s.filedAt))}（北京时间）` },
      { label: '办结时间', value: `${formatShanghai(new Date(s.completedAt))}（北京时间）` },
    ],
    action: null,
    notes: [],
  };
}
