import { NotificationView } from './notification-view';

/**
 * To every coordinator when deadlines run into a year without a working-day calendar: the
 * State Council publishes next year's holidays each November, and until a coordinator enters
 * them no deadline in that year can be counted in working days.
 */
export function calendarMissingMessage(year: number, ticketsWaiting: number, name: string, calendarUrl: string): NotificationView {
  return {
    kind: 'calendar_missing',
    subject: `【请发布日历】${year} 年工作日安排尚未发布，${ticketsWaiting} 张工单的办理时限无法计算`,
    heading: `${year} 年工作日安排尚未发布`,
    greeting: `${name}：您好！`,
    paragraphs: [
      `有工单的办理时限落在 ${year} 年，但系统尚无 ${year} 年的节假日与调休安排，这些工单暂时没有办理时限，也不会催办、督办。`,
      `请将国务院办公厅关于 ${year} 年部分节假日安排的通知全文粘贴到"日历"页面（或调用 POST /api/v1/calendar/${year}/notice），预览无误后发布。发布后一分钟内，等待中的工单即获得办理时限。`,
    ],
    quote: null,
    facts: [
      { label: '缺少的年份', value: `${year} 年` },
      { label: '等待办理时限的工单', value: `${ticketsWaiting} 张` },
    ],
    action: { label: '发布日历', url: calendarUrl },
    notes: ['该年份发布之前，本提醒每周最多发送一次。'],
  };
}
