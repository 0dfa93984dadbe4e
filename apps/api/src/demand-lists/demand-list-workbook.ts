import { ErrorDetail } from '@enterpark/common';
import { DemandColumnField, DemandSheetReading, DemandWorkbookError, readDemandSheet, WorkbookProblem } from '@enterpark/demand';
import { validateAs } from '../errors/validation-errors';
import { readWorkbook } from '../xlsx/read-workbook';
import { ImportDemandListFields } from './demand-list-import.dto';
import { FileDemandListRequest } from './demand-lists.dto';

export interface ImportedDemandList {
  /** Exactly what POST /demand-lists would be sent, checked by its rules. */
  request: FileDemandListRequest;
  reading: DemandSheetReading;
}

const ITEM_FIELD = /^items\.(\d+)\.(\w+)$/;

/** A refusal of POST /demand-lists's rules, put where the zone finds it: the cell's row and column, named by its header. */
function locate(detail: ErrorDetail, reading: DemandSheetReading, titleFromSheet: boolean): WorkbookProblem {
  const item = ITEM_FIELD.exec(detail.field);
  const column = item ? reading.columns[item[2] as DemandColumnField] : undefined;
  if (item && column) {
    const message = detail.message
      .replace(`${detail.field} 的每个元素`, `${column.header}中的每一项`)
      .replace(`${detail.field} `, column.header);
    return { ...detail, message, row: reading.items[Number(item[1])].row, column: column.column };
  }
  if (detail.field === 'title' && titleFromSheet) {
    return { ...detail, message: detail.message.replace('title ', '标题行'), row: reading.title!.row, column: null };
  }
  return { ...detail, row: null, column: null };
}

function byPlace(a: WorkbookProblem, b: WorkbookProblem): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? '');
}

/**
 * A zone's workbook as the request POST /demand-lists takes, checked by that request's own rules
 * (lengths, limits, formats). Any problem refuses the whole workbook, every problem listed by row
 * and column, so that the zone fixes them all in one go.
 */
export async function demandListFromWorkbook(file: Buffer, fields: ImportDemandListFields): Promise<ImportedDemandList> {
  const reading = readDemandSheet(await readWorkbook(file));
  const title = fields.title ?? reading.title?.text;
  const problems = [...reading.problems];
  if (!title) {
    problems.push({ row: null, column: null, field: 'title', rule: 'required', message: '表头上方没有标题行：请在表头上方加一行标题，或导入时填写清单标题' });
  }
  const body = { title, period: fields.period, zoneId: fields.zoneId, items: reading.items.map(({ row: _row, ...item }) => item) };
  const { value, details } = validateAs(FileDemandListRequest, body);
  for (const detail of details) {
    if (!problems.some((p) => p.field === detail.field)) problems.push(locate(detail, reading, fields.title === undefined));
  }
  if (problems.length) throw new DemandWorkbookError(`工作簿有 ${problems.length} 处问题，整份未导入，请修改后重新上传`, problems.sort(byPlace));
  return { request: value, reading };
}
