import { Actor, AccessScope, DomainError, SERVICE_TYPE_LABELS } from '@enterpark/common';
import { NamedTicket, ReadTicketsService, SLA_STAGE_LABELS, TICKET_PRIORITY_LABELS, TICKET_STATUS_LABELS, TicketFilter } from '@enterpark/tickets';
import { XlsxColumn } from '../xlsx/xlsx-sheet';
import { seesContact } from './tickets.dto';

/** Tickets read per query while the workbook streams out. */
const EXPORT_PAGE = 1000;

export class ExportTooLargeError extends DomainError {
  readonly code = 'EXPORT_TOO_LARGE';
  readonly kind = 'unprocessable';
  constructor(count: number, max: number) {
    const message = `符合条件的工单有 ${count} 张，超过单次导出上限 ${max} 张，请缩小筛选范围（按服务类型、状态、园区等）后分次导出`;
    super(message, [{ field: 'filters', rule: 'maxRows', message }], { count, maxRows: max });
  }
}

/** The export's columns, in Chinese; the zone's contact only for those who may see it, as in the ticket's answer. */
export function ticketColumns(actor: Actor): XlsxColumn<NamedTicket>[] {
  const columns: XlsxColumn<NamedTicket>[] = [
    { header: '工单编号', width: 38, value: (t) => t.id },
    { header: '园区', width: 18, value: (t) => t.zoneName },
    { header: '需求清单', width: 28, value: (t) => t.demandListTitle },
    { header: '清单序号', width: 8, kind: 'number', value: (t) => t.seq },
    { header: '服务类型', width: 14, value: (t) => SERVICE_TYPE_LABELS[t.type] },
    { header: '需求名称', width: 30, value: (t) => t.title },
    { header: '需求描述', width: 40, value: (t) => t.description },
    { header: '标签', width: 16, value: (t) => t.tags.join('、') },
    { header: '期望完成日期', width: 12, kind: 'date', value: (t) => t.desiredBy },
    { header: '状态', width: 11, value: (t) => TICKET_STATUS_LABELS[t.status] },
    { header: '优先级', width: 7, value: (t) => (t.priority ? TICKET_PRIORITY_LABELS[t.priority] : null) },
    { header: '窗口', width: 14, value: (t) => (t.desk ? SERVICE_TYPE_LABELS[t.desk] : null) },
    { header: '经办人', width: 10, value: (t) => t.assigneeName },
    { header: '服务机构', width: 22, value: (t) => t.providerName },
    { header: '提交时间', width: 16, kind: 'datetime', value: (t) => t.createdAt },
    { header: '分派时间', width: 16, kind: 'datetime', value: (t) => t.routedAt },
    { header: '受理时间', width: 16, kind: 'datetime', value: (t) => t.acceptedAt },
    { header: '匹配时间', width: 16, kind: 'datetime', value: (t) => t.matchedAt },
    { header: '办结时间', width: 16, kind: 'datetime', value: (t) => t.completedAt },
    { header: '确认时间', width: 16, kind: 'datetime', value: (t) => t.closedAt },
    { header: '办理结果', width: 30, value: (t) => t.outcome },
    { header: '评分', width: 6, kind: 'number', value: (t) => t.rating },
    { header: '当前时限阶段', width: 12, value: (t) => (t.slaStage ? SLA_STAGE_LABELS[t.slaStage] : null) },
    { header: '时限截止', width: 16, kind: 'datetime', value: (t) => t.slaDueAt },
    { header: '超时次数', width: 8, kind: 'number', value: (t) => t.slaBreaches },
  ];
  if (!seesContact(actor)) return columns;
  return [...columns, { header: '联系人', width: 10, value: (t) => t.contactName }, { header: '联系电话', width: 18, value: (t) => t.contactPhone }];
}

/**
 * The tickets GET /tickets would page through, newest first, page by page as the workbook is
 * written. The count was checked before the download began; should tickets be filed meanwhile
 * (they sort first, so keyset paging does not meet them) or change to match, no more than
 * `max` rows are ever written, and the sheet says where it stopped.
 */
export async function* exportedTickets(reads: ReadTicketsService, scope: AccessScope, filter: TicketFilter, max: number, notes: string[]): AsyncIterable<NamedTicket> {
  let written = 0;
  let cursor: string | undefined;
  do {
    const page = await reads.list(scope, filter, { limit: EXPORT_PAGE, cursor });
    for (const ticket of page.items) {
      if (written === max) {
        notes.push(`已达单次导出上限 ${max} 张，其后的工单未导出，请缩小筛选范围后分次导出。`);
        return;
      }
      written += 1;
      yield ticket;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
