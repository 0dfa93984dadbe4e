import { EventPayloads } from '@enterpark/events';
import { formatShanghai } from './shanghai-time';
import { NotificationView } from './notification-view';
import { subjectTitle } from './wording';

/** The problem as one zone reads it: only that zone's own tickets in it. */
export interface ProblemResolutionFacts {
  zoneName: string;
  resolvedAt: Date;
  /** The zone's tickets in the problem, by title. */
  ticketTitles: string[];
}

/**
 * To a zone's managers, once per problem: the department handled the kind of problem their
 * demands belong to as one (一类问题归集办理); what it did, and which of their demands it answers.
 */
export function problemResolvedMessage(e: EventPayloads['ticket.problem_resolved'], f: ProblemResolutionFacts, name: string, url: string): NotificationView {
  return {
    kind: 'problem_resolved',
    subject: `【进园区服务】一类问题已办结：${subjectTitle(e.problemTitle)}`,
    heading: '一类问题归集办理结果',
    greeting: `${name}：您好！`,
    paragraphs: [
      `省商务厅开发区处已将多个园区反映的同类问题「${e.problemTitle}」归集办理，现将办理结果告知贵园区（${f.zoneName}）。`,
      '相关服务台将据此办结贵园区的工单，届时请登录平台确认并评价。',
    ],
    quote: { label: '办理结果', text: e.resolution },
    facts: [
      { label: '问题名称', value: e.problemTitle },
      { label: '贵园区相关需求', value: f.ticketTitles.length ? f.ticketTitles.join('；') : '—' },
      { label: '办结时间', value: `${formatShanghai(f.resolvedAt)}（北京时间）` },
    ],
    action: { label: '查看工单', url },
    notes: [],
  };
}
