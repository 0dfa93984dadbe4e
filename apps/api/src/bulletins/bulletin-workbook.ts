import { BulletinContent, ProblemRecordLine, ProblemTicket } from '@enterpark/bulletins';
import { SERVICE_TYPE_LABELS } from '@enterpark/common';
import { RankingItem } from '@enterpark/statistics';
import { rankingColumns } from '../rankings/ranking-export';
import { AnyXlsxSheet, XlsxColumn } from '../xlsx/xlsx-sheet';

const PROBLEM_NAMES: Record<keyof BulletinContent['problems'], string> = { overdue: '超期未办结', returned: '退单', escalated: '督办（升级）', lowestRated: '评价较低' };

const figureColumns: XlsxColumn<RankingItem>[] = rankingColumns('desk').slice(1).map((c, i) => (i === 0 ? { ...c, header: '项目' } : c));

const recordColumns: XlsxColumn<ProblemRecordLine>[] = [
  { header: '问题', width: 30, value: (l) => l.title },
  { header: '涉及园区（工单数）', width: 36, value: (l) => l.zones },
  { header: '工单数', width: 10, value: (l) => l.ticketCount },
  { header: '状态', width: 10, value: (l) => l.status },
  { header: '办理结果', width: 40, value: (l) => l.resolution },
];

/** The bulletin's tables as sheets: 总体情况 (the province and each action), 园区排名, 存在问题, 问题归集 (when there was any). */
export function bulletinSheets(c: BulletinContent): AnyXlsxSheet[] {
  const problems = (Object.keys(PROBLEM_NAMES) as (keyof BulletinContent['problems'])[]).flatMap((key) => c.problems[key].items.map((t) => ({ kind: PROBLEM_NAMES[key], ...t })));
  const problemColumns: XlsxColumn<ProblemTicket & { kind: string }>[] = [
    { header: '问题类别', width: 12, value: (p) => p.kind },
    { header: '园区', width: 18, value: (p) => p.zoneName },
    { header: '行动', width: 14, value: (p) => SERVICE_TYPE_LABELS[p.type] },
    { header: '需求', width: 30, value: (p) => p.title },
    { header: '说明', width: 30, value: (p) => p.note },
  ];
  const counts = (Object.keys(PROBLEM_NAMES) as (keyof BulletinContent['problems'])[]).map((k) => `${PROBLEM_NAMES[k]} ${c.problems[k].count} 项`).join('，');
  return [
    { name: '总体情况', columns: figureColumns, rows: [c.overview, ...c.actions.map((a) => ({ ...a, name: a.typeName }))], notes: [c.title, `数据截至 ${c.asOf}`] },
    { name: '园区排名', columns: rankingColumns('zone'), rows: c.zones },
    { name: '存在问题', columns: problemColumns, rows: problems, notes: [counts] },
    ...(c.problemRecords?.lines.length ? [{ name: '问题归集', columns: recordColumns, rows: c.problemRecords.lines }] : []),
  ];
}
