import { CHART_SIZE, renderBarChartSvg, svgToPng } from '@enterpark/charts';
import { SERVICE_TYPE_COLORS } from '@enterpark/common';
import { BulletinContent } from './bulletin-content';

/** The chart of a bulletin: tickets filed per action over the period, from the frozen content. */
export async function bulletinChartPng(content: BulletinContent): Promise<Buffer> {
  const bars = content.actions.map((a) => ({ label: a.typeName.replace(/进园区$/, ''), value: a.submitted, color: SERVICE_TYPE_COLORS[a.type] }));
  return svgToPng(await renderBarChartSvg(bars, { title: `${content.period.label}各项行动提交需求数`, size: CHART_SIZE }));
}
