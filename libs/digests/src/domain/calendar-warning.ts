import { CalendarStatus } from '@enterpark/tickets';
import { section, SectionView } from './digest-view';

/**
 * The coordinators' digest opens with this while a year's working days are missing: a
 * deadline in that year cannot be counted. From 1 November it warns ahead about next year,
 * when the State Council's notice is usually out.
 */
export function calendarWarningSection(status: CalendarStatus, calendarUrl: string): SectionView | null {
  const missing = status.years.filter((y) => y.source === 'missing');
  if (missing.length === 0) return null;
  const [thisYear, nextYear] = status.years;
  const waiting = missing.reduce((n, y) => n + (y.ticketsWaiting ?? 0), 0);
  if (waiting === 0 && thisYear.source !== 'missing' && !status.nextYearDue) return null;
  const years = missing.map((y) => `${y.year} 年`).join('、');
  const lines = [
    waiting > 0
      ? `${years}工作日安排尚未发布，${waiting} 张工单的办理时限因此无法计算，也不会催办、督办。`
      : `${nextYear.year} 年工作日安排尚未发布：国务院办公厅通常在 11 月公布下一年的节假日安排，请在年底前发布。`,
    `请在"日历"页面粘贴国务院办公厅的节假日安排通知并发布：${calendarUrl}`,
  ];
  return section('【请发布日历】', { note: lines.join('') });
}
