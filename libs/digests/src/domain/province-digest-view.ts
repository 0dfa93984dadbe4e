import { IsoWeek } from '@enterpark/common';
import { InlineImage } from '@enterpark/mail';
import { renderBarChartSvg, svgToPng } from '@enterpark/charts';
import { DeskQueue, DigestBoard, DigestTicket, ProvinceDigestData, TypeRow } from './digest-content';
import { desksLabel, percent, TYPE_COLORS, typeLabel, weekLabel, weekShortLabel } from './digest-format';
import { busiestZones, RankingItem } from '@enterpark/statistics';
import { at, DigestBody, joinDetails, moreText, section, SectionView, stat, statusSection, TicketUrl, ticketSection } from './digest-view';

export const PROVINCE_CAPS = { zones: 10, leagueTop: 10, leagueBottom: 3 } as const;

const DAY_MS = 24 * 3600 * 1000;

/** The province digest: its body and the chart it shows inline. */
export interface ProvinceDigest {
  body: DigestBody;
  inlineImages: InlineImage[];
}

async function chartSection(byType: TypeRow[], week: IsoWeek): Promise<{ section: SectionView; image: InlineImage }> {
  const cid = `tickets-by-type-${week.id}@enterpark`;
  const png = await svgToPng(await renderBarChartSvg(byType.map((r) => ({ label: typeLabel(r.type).replace(/进园区$/, ''), value: r.filed, color: TYPE_COLORS[r.type] }))));
  return {
    image: { cid, filename: `tickets-by-type-${week.id}.png`, contentBase64: png.toString('base64') },
    section: section('本周新提交工单（按类型）', {
      chart: {
        cid,
        alt: `本周新提交工单按类型：${byType.map((r) => `${typeLabel(r.type)} ${r.filed}`).join('，')}`,
        legend: byType.map((r) => ({ label: typeLabel(r.type), color: TYPE_COLORS[r.type], value: String(r.filed) })),
      },
      table: { head: ['类型', '本周新提交', '本周办结', '在办'], rows: byType.map((r) => [typeLabel(r.type), String(r.filed), String(r.completed), String(r.open)]) },
    }),
  };
}

function zonesSection(data: ProvinceDigestData): SectionView {
  const zones = busiestZones(data.zones, PROVINCE_CAPS.zones);
  return section(`各园区概况（${zones.total} 个园区有工单）`, {
    note: '按本周新提交数排序。',
    table: zones.items.length ? { head: ['园区', '本周新提交', '本周办结', '在办', '逾期'], rows: zones.items.map((z) => [z.zoneName, String(z.filed), String(z.completed), String(z.open), String(z.overdue)]) } : null,
    empty: zones.items.length ? null : '本周没有园区工单。',
    more: moreText(zones.total - zones.items.length, '个园区'),
  });
}

const leagueRow = (e: RankingItem) => [String(e.rank), e.name, String(e.submitted), percent(e.completionRate), percent(e.onTimeRate), percent(e.satisfactionRate), String(e.score)];

/** The zones ranked over the week's submissions exactly as GET /rankings ranks them; the first and the last places. */
function leagueSection(data: ProvinceDigestData): SectionView {
  const ranked = data.league.filter((e) => e.rank !== null);
  const { leagueTop: top, leagueBottom: bottom } = PROVINCE_CAPS;
  const shown = ranked.length > top + bottom ? [...ranked.slice(0, top), null, ...ranked.slice(ranked.length - bottom)] : ranked;
  const leftOut = ranked.length - top - bottom;
  return section('园区排行榜', {
    note: '按本周提交的工单（不含撤回）计：办结率 = 已办结 ÷ 提交，按时办结率 = 未超时办结 ÷ 已办结，满意率 = 评分 4 分及以上 ÷ 已评价；综合得分与排行榜页面相同。',
    table: ranked.length ? { head: ['名次', '园区', '提交', '办结率', '按时办结率', '满意率', '得分'], rows: shown.map((e) => (e ? leagueRow(e) : ['…', `（中间 ${leftOut} 个园区略）`, '', '', '', '', ''])) } : null,
    empty: ranked.length ? null : '本周没有可排名的园区。',
  });
}

function backlogSection(desks: DeskQueue[]): SectionView {
  const rows = desks.map((d) => {
    const working = Object.entries(d.openByStatus).filter(([s]) => s !== 'completed').reduce((sum, [, n]) => sum + n, 0);
    const b = d.buckets;
    return [desksLabel([d.desk]), String(working), String(b.awaitingTriage.total), String(b.unassigned.total), String(b.proposals.total), String(b.breached.total), String(b.escalated.total)];
  });
  return section('各服务台积压', { table: { head: ['服务台', '在办', '待受理', '未分配', '待答复', '超时', '督办'], rows } });
}

function ageText(t: DigestTicket, week: IsoWeek): string {
  return `已 ${Math.max(0, Math.floor((week.endsAt.getTime() - t.filedAt.getTime()) / DAY_MS))} 天`;
}

/**
 * The province for coordinators and leadership: the week's figures by type (with the chart),
 * by status and by zone, the league table of zones, the desks' backlogs, escalations and the
 * longest-open tickets. Built once per week and shared by every coordinator and viewer.
 */
export async function buildProvinceDigest(board: DigestBoard, week: IsoWeek, url: TicketUrl): Promise<ProvinceDigest> {
  const data = board.province;
  const f = data.flow;
  const chart = await chartSection(data.byType, week);
  const opts = { withZone: true };
  const body: DigestBody = {
    subject: `进园区服务周报｜全省｜${weekShortLabel(week)}`,
    preheader: `本周新提交 ${f.filed} 项，匹配 ${f.matched} 项，办结 ${f.completed} 项；督办 ${data.escalations.total} 项。`,
    weekLabel: weekLabel(week),
    scopeLabel: '全省',
    intro: '以下是全省本周的"进园区"服务办理情况。',
    stats: [
      stat('新提交', f.filed),
      stat('已分派', f.routed),
      stat('已匹配', f.matched),
      stat('已办结', f.completed),
      stat('已确认办结', f.closed),
      stat('在办', data.slowest.total),
      stat('督办', data.escalations.total, true),
    ],
    sections: [
      chart.section,
      statusSection('在办工单状态（全省）', data.openByStatus, '全省目前没有在办工单。'),
      zonesSection(data),
      leagueSection(data),
      backlogSection(board.desks),
      ticketSection('督办事项', data.escalations, url, (t) => joinDetails(t.desk ? desksLabel([t.desk]) : null, at('督办于', t.escalatedAt)), { ...opts, alert: true, empty: '没有督办事项。' }),
      ticketSection('办理最久的在办工单', data.slowest, url, (t) => joinDetails(at('提交于', t.filedAt), ageText(t, week)), { ...opts, empty: '没有在办工单。' }),
    ],
  };
  return { body, inlineImages: [chart.image] };
}
