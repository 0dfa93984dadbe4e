import { RankingItem } from '@enterpark/statistics';
import { XlsxColumn } from '../xlsx/xlsx-sheet';

export const RANKING_DIMENSION_LABELS: Record<string, string> = { zone: '园区', desk: '服务台', provider: '服务机构' };

/** The league table's columns; rates as percentages with one decimal. */
export function rankingColumns(by: string): XlsxColumn<RankingItem>[] {
  return [
    { header: '排名', width: 6, kind: 'number', value: (i) => i.rank },
    { header: RANKING_DIMENSION_LABELS[by] ?? '名称', width: 24, value: (i) => i.name },
    { header: '提交数', width: 8, kind: 'number', value: (i) => i.submitted },
    { header: '办结数', width: 8, kind: 'number', value: (i) => i.completed },
    { header: '办结率', width: 9, kind: 'percent', value: (i) => i.completionRate },
    { header: '按时办结率', width: 11, kind: 'percent', value: (i) => i.onTimeRate },
    { header: '满意率', width: 9, kind: 'percent', value: (i) => i.satisfactionRate },
    { header: '退单率', width: 9, kind: 'percent', value: (i) => i.returnRate },
    { header: '平均办理工作日', width: 14, kind: 'number', value: (i) => i.avgWorkingDays },
    { header: '综合得分', width: 9, kind: 'number', value: (i) => i.score },
  ];
}
