import { ProblemFigure, ProblemPeriod } from '@enterpark/problems';
import { moreText, section, SectionView } from './digest-view';

const RESOLUTION_SHOWN = 60;

function zonesText(p: ProblemFigure): string {
  return p.zones.length ? p.zones.map((z) => `${z.zoneName} ${z.count}`).join('、') : '—';
}

function shortened(text: string | null): string {
  if (!text) return '—';
  const chars = [...text];
  return chars.length > RESOLUTION_SHOWN ? `${chars.slice(0, RESOLUTION_SHOWN).join('')}…` : text;
}

/**
 * 问题归集 in the coordinators' digest: the problems still open at the end of the week and
 * those resolved during it, each with its tickets counted by zone. `cap` rows of each at most.
 */
export function problemsSection(period: ProblemPeriod, cap: number): SectionView {
  const open = period.open.items.slice(0, cap);
  const resolved = period.resolved.items.slice(0, cap);
  const rows = [
    ...open.map((p) => [p.title, '办理中', String(p.ticketCount), zonesText(p), '—']),
    ...resolved.map((p) => [p.title, '本周办结', String(p.ticketCount), zonesText(p), shortened(p.resolution)]),
  ];
  const leftOut = period.open.total - open.length + (period.resolved.total - resolved.length);
  return section(`问题归集（办理中 ${period.open.total}，本周办结 ${period.resolved.total}）`, {
    note: `多个园区反映的同类问题由开发区处归集、统一办理并答复各园区。本周新归集 ${period.created} 个。`,
    table: rows.length ? { head: ['问题', '状态', '工单', '涉及园区（工单数）', '办理结果'], rows } : null,
    empty: rows.length ? null : '本周没有办理中或办结的归集问题。',
    more: moreText(leftOut, '个问题'),
  });
}
