import { Tag, Tooltip } from 'antd';
import { api, unwrap } from '../../api/client';
import type { CalendarYear, Ticket } from '../../api/types';
import { useApi } from '../../components/useApi';
import { formatTime } from '../../format/time';
import { slaState, WorkCalendar, yearsBetween } from './sla';

const STAGE_LABELS: Record<NonNullable<Ticket['sla']['stage']>, string> = { triage: '受理', matching: '匹配', service: '服务' };

/** Calendar years change rarely: one request per year per page load. */
const calendarYears = new Map<number, Promise<CalendarYear>>();
function calendarYear(year: number): Promise<CalendarYear> {
  let loading = calendarYears.get(year);
  if (!loading) {
    loading = unwrap(api.GET('/api/v1/calendar/{year}', { params: { path: { year } } }));
    loading.catch(() => calendarYears.delete(year));
    calendarYears.set(year, loading);
  }
  return loading;
}

/** The running SLA stage as 剩余 N 个工作日 / 已超期 N 天, counted on the official calendar. */
export function SlaBadge({ sla }: { sla: Ticket['sla'] }) {
  const dueAt = sla.dueAt;
  const calendar = useApi(async () => (dueAt ? new WorkCalendar(await Promise.all(yearsBetween(new Date(), dueAt).map(calendarYear))) : null), [dueAt]);
  if (!sla.stage) return null;
  const stage = `${STAGE_LABELS[sla.stage]}时限`;
  if (!dueAt) return <Tag>{stage}：期限待定（日历缺少该年份）</Tag>;
  if (!calendar.data) return <Tag>{stage}：截至 {formatTime(dueAt)}</Tag>;
  const state = slaState(dueAt, new Date(), calendar.data);
  const text =
    state.kind === 'overdue' ? `已超期 ${state.days} 天` : state.kind === 'remaining' ? `剩余 ${state.workingDays} 个工作日` : `截至 ${formatTime(dueAt)}`;
  const color = state.kind === 'overdue' ? 'red' : state.kind === 'remaining' && state.workingDays <= 1 ? 'orange' : 'blue';
  return (
    <Tooltip title={`截止时间 ${formatTime(dueAt)}`}>
      <Tag color={color}>
        {stage}：{text}
      </Tag>
    </Tooltip>
  );
}
