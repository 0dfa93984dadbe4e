import { IsoWeek } from '@enterpark/common';
import { Capped, leftOut } from '@enterpark/statistics';
import { DemandListLine, DigestTicket, ZoneDigestData } from './digest-content';
import { dateTime, dayLabel, monthDay, weekLabel, weekShortLabel } from './digest-format';
import { at, DigestBody, joinDetails, moreText, providerText, section, SectionView, stat, TicketUrl, ticketSection } from './digest-view';

/** What happened to a ticket this week, in lifecycle order: "新提交、已分派、已匹配". */
export function stagesThisWeek(t: DigestTicket, week: IsoWeek): string[] {
  const inWeek = (d: Date | null) => d !== null && d >= week.startsAt && d < week.endsAt;
  const stages: [Date | null, string][] = [
    [t.filedAt, '新提交'],
    [t.routedAt, '已分派'],
    [t.matchedAt, '已匹配'],
    [t.completedAt, '已办结'],
    [t.closedAt, t.status === 'closed' ? '已确认办结' : t.status === 'rejected' ? '被驳回' : t.status === 'cancelled' ? '已撤销' : '已关闭'],
  ];
  return stages.filter(([d]) => inWeek(d)).map(([, label]) => label);
}

function deadlineText(t: DigestTicket): string | null {
  if (t.deadline) return `期限 ${dateTime(t.deadline)}`;
  return t.desiredBy ? `期望 ${dayLabel(t.desiredBy)} 前完成` : null;
}

function listsSection(filed: Capped<DemandListLine>, completed: Capped<DemandListLine>): SectionView {
  const rows = [
    ...filed.items.map((l) => [l.title, String(l.items), monthDay(l.at), '本周提交']),
    ...completed.items.map((l) => [l.title, String(l.items), monthDay(l.at), '本周全部办结']),
  ];
  return section(`需求清单（本周提交 ${filed.total}，全部办结 ${completed.total}）`, {
    table: rows.length ? { head: ['清单', '事项数', '日期', '本周'], rows } : null,
    empty: rows.length ? null : '本周没有提交或办结的需求清单。',
    more: moreText(leftOut(filed) + leftOut(completed), '份清单'),
  });
}

/**
 * A zone manager's week: what waits on them first (questions to answer, completions to
 * confirm, what is late), then what moved this week and the zone's demand lists.
 */
export function buildZoneDigest(data: ZoneDigestData, week: IsoWeek, links: { ticket: TicketUrl; confirm: TicketUrl }): DigestBody {
  const url = links.ticket;
  const waiting = data.needsInfo.total + data.awaitingConfirmation.total;
  const f = data.flow;
  return {
    subject: `进园区服务周报｜${data.zone.name}｜${weekShortLabel(week)}`,
    preheader: `本周新提交 ${f.filed} 项，办结 ${f.completed} 项；待您处理 ${waiting} 项，逾期 ${data.overdue.total} 项。`,
    weekLabel: weekLabel(week),
    scopeLabel: data.zone.name,
    intro: `以下是${data.zone.name}本周的需求办理情况。待您处理的事项请尽快办理。`,
    stats: [
      stat('新提交', f.filed),
      stat('已分派', f.routed),
      stat('已匹配', f.matched),
      stat('已办结', f.completed),
      stat('已确认办结', f.closed),
      stat('待您处理', waiting, true),
      stat('逾期', data.overdue.total, true),
    ],
    sections: [
      ticketSection('待您补充信息', data.needsInfo, url, (t) => joinDetails(t.question ? `问题：${t.question}` : null, at('提出于', t.askedAt)), {
        empty: '没有需要您补充信息的工单。',
        alert: true,
      }),
      ticketSection('待您确认办结', data.awaitingConfirmation, links.confirm, (t) => joinDetails(providerText(t), at('办结于', t.completedAt)), {
        empty: '没有等待您确认的工单。',
        note: '服务已办结，请确认并评价（1–5 分）。',
      }),
      ticketSection('逾期事项', data.overdue, url, (t) => joinDetails(t.slaBreachedAt ? '已超出办理时限' : null, deadlineText(t), providerText(t)), {
        empty: '没有逾期事项。',
        alert: true,
      }),
      ticketSection('本周动态', data.activity, url, (t) => joinDetails(`本周：${stagesThisWeek(t, week).join('、')}`, providerText(t)), {
        empty: '本周没有新的办理进展。',
      }),
      listsSection(data.listsFiled, data.listsCompleted),
    ],
  };
}
