import { IsoWeek, ServiceType } from '@enterpark/common';
import { ascending, descending, mergeCapped } from '@enterpark/statistics';
import { DESK_BUCKETS, DeskBucket, DeskQueue, DigestTicket } from './digest-content';
import { desksLabel, weekLabel, weekShortLabel } from './digest-format';
import { at, DigestBody, joinDetails, providerText, stat, statusSection, TicketUrl, ticketSection } from './digest-view';

/** The order of each desk bucket, as the board query's ORDER BY gives it per desk. */
export const DESK_BUCKET_ORDER: Record<DeskBucket, (a: DigestTicket, b: DigestTicket) => number> = {
  arrived: descending((t) => t.routedAt),
  unassigned: ascending((t) => t.filedAt),
  awaitingTriage: ascending((t) => t.routedAt),
  proposals: ascending((t) => t.updatedAt),
  breached: ascending((t) => t.deadline),
  escalated: ascending((t) => t.escalatedAt),
  completed: descending((t) => t.completedAt),
};

/** The queue of a staff member with several desks: counts added, lists merged in their order. */
export function mergeDeskQueues(queues: readonly DeskQueue[], desks: readonly ServiceType[], cap: number): Omit<DeskQueue, 'desk'> {
  const mine = queues.filter((q) => desks.includes(q.desk));
  const openByStatus: Record<string, number> = {};
  for (const q of mine) for (const [s, n] of Object.entries(q.openByStatus)) openByStatus[s] = (openByStatus[s] ?? 0) + n;
  const buckets = Object.fromEntries(
    DESK_BUCKETS.map((b) => [b, mergeCapped(mine.map((q) => q.buckets[b]), DESK_BUCKET_ORDER[b], cap)]),
  ) as DeskQueue['buckets'];
  return { openByStatus, buckets };
}

/**
 * A desk member's week at their desks: what is late or escalated first, then what waits
 * for triage, assignment or a provider's answer, then what arrived and what was completed.
 */
export function buildDeskDigest(queue: Omit<DeskQueue, 'desk'>, desks: readonly ServiceType[], week: IsoWeek, url: TicketUrl): DigestBody {
  const b = queue.buckets;
  const scope = desksLabel(desks);
  const opts = { withZone: true };
  const sections = [
    ticketSection('督办事项', b.escalated, url, (t) => joinDetails(at('督办于', t.escalatedAt), at('期限', t.deadline)), { ...opts, alert: true, empty: '没有督办事项。' }),
    ticketSection('超出办理时限', b.breached, url, (t) => joinDetails(at('期限', t.deadline), t.assigneeName ? `经办人：${t.assigneeName}` : null), { ...opts, alert: true, empty: '没有超时工单。' }),
    ticketSection('待受理', b.awaitingTriage, url, (t) => at('分派于', t.routedAt), { ...opts, empty: '没有待受理的工单。' }),
    ticketSection('未分配经办人', b.unassigned, url, (t) => at('提交于', t.filedAt), { ...opts, empty: '所有在办工单都已分配经办人。' }),
    ticketSection('服务机构未答复的匹配提议', b.proposals, url, (t) => joinDetails(t.proposedTo ? `待 ${t.proposedTo} 答复` : null, at('提议于', t.updatedAt)), {
      ...opts,
      empty: '没有等待答复的提议。',
    }),
    ticketSection('本周新到', b.arrived, url, (t) => at('分派于', t.routedAt), { ...opts, empty: '本周没有新分派的工单。' }),
    ticketSection('本周办结', b.completed, url, (t) => joinDetails(providerText(t), at('办结于', t.completedAt)), { ...opts, empty: '本周没有办结的工单。' }),
    statusSection('在办工单状态', queue.openByStatus, '服务台目前没有在办工单。'),
  ];
  return {
    subject: `进园区服务周报｜${scope}｜${weekShortLabel(week)}`,
    preheader: `本周新到 ${b.arrived.total} 项，办结 ${b.completed.total} 项；待受理 ${b.awaitingTriage.total} 项，超时 ${b.breached.total} 项。`,
    weekLabel: weekLabel(week),
    scopeLabel: scope,
    intro: desks.length ? `以下是${scope}本周的工单队列。督办与超时事项请优先处理。` : '您尚未加入任何服务台，本周没有需要您处理的工单。',
    stats: [
      stat('本周新到', b.arrived.total),
      stat('待受理', b.awaitingTriage.total),
      stat('未分配', b.unassigned.total, true),
      stat('提议待答复', b.proposals.total),
      stat('超时', b.breached.total, true),
      stat('督办', b.escalated.total, true),
      stat('本周办结', b.completed.total),
    ],
    sections: desks.length ? sections : [],
  };
}
