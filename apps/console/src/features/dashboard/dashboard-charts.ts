import type { ServiceType, TicketStatus } from '../../api/types';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, STATUS_LABELS } from '../../labels/labels';
import type { ChartOption } from './EChart';
import type { Dashboard, SlaStage } from './dashboard-data';

/** Status colours for the stacked bars, in the order a ticket passes them. */
const STATUS_COLORS: Record<TicketStatus, string> = {
  submitted: '#bfbfbf',
  routed: '#69b1ff',
  triaged: '#1677ff',
  needs_info: '#fa8c16',
  returned: '#9254de',
  matching: '#36cfc9',
  matched: '#13c2c2',
  in_service: '#2f54eb',
  completed: '#fadb14',
  closed: '#52c41a',
  rejected: '#f5222d',
  cancelled: '#8c8c8c',
};

export const STAGE_LABELS: Record<SlaStage, string> = { triage: '受理', matching: '匹配', service: '服务' };

/** The type axis: short names (媒体, 金融, …) so six fit side by side. */
const TYPE_AXIS = SERVICE_TYPES.map((t) => SERVICE_TYPE_LABELS[t].replace('进园区', ''));

/** The type of a bar or of an axis label the person clicked. */
export function typeAt(e: { dataIndex: number; value?: unknown; componentType: string }): ServiceType | undefined {
  return e.componentType === 'series' ? SERVICE_TYPES[e.dataIndex] : SERVICE_TYPES[TYPE_AXIS.indexOf(String(e.value))];
}

const TOOLTIP = { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } };

/** Tickets by type (bars), stacked by status (series id = the status code, for the click). */
export function typeStatusOption(d: Dashboard): ChartOption {
  const statuses = (Object.keys(STATUS_LABELS) as TicketStatus[]).filter((s) => d.byTypeStatus.some((c) => c.status === s));
  return {
    tooltip: TOOLTIP,
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: TYPE_AXIS, triggerEvent: true },
    yAxis: { type: 'value', minInterval: 1 },
    series: statuses.map((status) => ({
      id: status,
      name: STATUS_LABELS[status],
      type: 'bar',
      stack: 'status',
      itemStyle: { color: STATUS_COLORS[status] },
      data: SERVICE_TYPES.map((type) => d.byTypeStatus.find((c) => c.type === type && c.status === status)?.count ?? 0),
    })),
  };
}

/** Filed and completed per ISO week (the week's number on the axis). */
export function trendOption(d: Dashboard): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: d.trend.map((w) => w.week.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { id: 'filed', name: '提交', type: 'line', data: d.trend.map((w) => w.filed), itemStyle: { color: '#1677ff' } },
      { id: 'completed', name: '办结', type: 'line', data: d.trend.map((w) => w.completed), itemStyle: { color: '#52c41a' } },
    ],
  };
}

/** Tickets now in each SLA stage: within the deadline or late. */
export function slaOption(d: Dashboard): ChartOption {
  return {
    tooltip: TOOLTIP,
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: d.sla.map((s) => `${STAGE_LABELS[s.stage]}阶段`) },
    series: [
      { id: 'onTime', name: '未超时', type: 'bar', stack: 'sla', data: d.sla.map((s) => s.onTime), itemStyle: { color: '#52c41a' } },
      { id: 'late', name: '已超时', type: 'bar', stack: 'sla', data: d.sla.map((s) => s.late), itemStyle: { color: '#f5222d' } },
    ],
  };
}
