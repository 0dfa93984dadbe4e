import { ServiceType } from '@enterpark/common';
import { DemandWorkbookError, WorkbookProblem } from '../demand.errors';
import { DEMAND_LIST_LIMITS } from './demand-list';
import {
  cellText, columnFieldOf, columnLetter, DEMAND_COLUMNS, DemandColumnField, isoDay, oneLine, SheetCell, SheetRow, WorksheetGrid,
} from './demand-sheet-columns';
import { serviceTypeFromName, serviceTypeNames } from './service-type-names';

/** The header row is looked for in the first rows only: above it are title lines, below it the items. */
export const HEADER_SEARCH_ROWS = 10;

export interface SheetColumnRef {
  /** The column letter Excel shows ("C"). */
  column: string;
  /** The header as the workbook writes it ("需求名称"). */
  header: string;
}

/** An item as read from its row; the API's own request rules check it afterwards. */
export interface SheetItem {
  row: number;
  type?: ServiceType;
  title?: string;
  description?: string;
  desiredBy?: string;
  tags?: string[];
  contactName?: string;
  contactPhone?: string;
}

export interface DemandSheetReading {
  sheet: string;
  /** The title lines above the header, joined; null when there are none. */
  title: { text: string; row: number } | null;
  columns: Partial<Record<DemandColumnField, SheetColumnRef>>;
  items: SheetItem[];
  /** Headers of columns that are not imported (序号 aside), as written. */
  ignoredColumns: string[];
  /** Cells that cannot be read (an unknown type, a date that is no date); the whole workbook is refused for any. */
  problems: WorkbookProblem[];
}

interface HeaderRow {
  sheet: WorksheetGrid;
  row: SheetRow;
  columns: Map<number, DemandColumnField | 'seq' | null>;
}

/** A line such as 填报单位：合肥经开区, or 附件1 above a title, is about the list, not its title. */
const NOT_TITLE = /^([^:：]{1,8}[:：]|附件\s*\d*$)/;
/** A closing total ends the items; a subtotal between groups is skipped. */
const TOTAL = /^(合计|总计)/;
const SUBTOTAL = /^小计/;
/** Notes under the table (备注：…, 填表人：…) end the items too. */
const FOOTER = /^(备注|注|说明|填表人|填报人|审核人|制表人|负责人)[:：]/;
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * Reads a zone's demand list from its workbook as the zone laid it out: the first sheet with a
 * header row (by column names and their synonyms) in its first rows; title lines above it;
 * one item per row below it, blank rows and subtotals skipped, up to a closing total or a note.
 */
export function readDemandSheet(sheets: WorksheetGrid[]): DemandSheetReading {
  const header = findHeader(sheets);
  const columns: Partial<Record<DemandColumnField, SheetColumnRef>> = {};
  const ignoredColumns: string[] = [];
  for (const [index, field] of header.columns) {
    const text = oneLine(cellText(header.row.cells[index]));
    if (field === 'seq') continue;
    if (field === null || columns[field]) ignoredColumns.push(text);
    else columns[field] = { column: columnLetter(index), header: text };
  }
  if (!columns.type) {
    throw new DemandWorkbookError('表头缺少类别列', [
      problem(header.row.number, null, 'type', 'required', `表头缺少类别列（列名可为：${DEMAND_COLUMNS.type.slice(0, 4).join('、')}）`),
    ]);
  }
  const problems: WorkbookProblem[] = [];
  const items = itemRows(header).map((row, index) => readItem(row, index, columns, problems));
  if (items.length === 0) {
    throw new DemandWorkbookError('工作簿中没有需求', [problem(header.row.number, null, 'items', 'arrayMinSize', '表头下方没有任何需求行')]);
  }
  if (items.length > DEMAND_LIST_LIMITS.maxItems) {
    const message = `一份需求清单最多 ${DEMAND_LIST_LIMITS.maxItems} 项，工作簿有 ${items.length} 项，请分成多份清单导入`;
    throw new DemandWorkbookError(message, [problem(items[DEMAND_LIST_LIMITS.maxItems].row, null, 'items', 'arrayMaxSize', message)]);
  }
  return { sheet: header.sheet.name, title: titleAbove(header), columns, items, ignoredColumns, problems };
}

function findHeader(sheets: WorksheetGrid[]): HeaderRow {
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      if (row.number > HEADER_SEARCH_ROWS) break;
      const columns = new Map<number, DemandColumnField | 'seq' | null>();
      row.cells.forEach((cell, index) => {
        const text = cellText(cell);
        if (text) columns.set(index, columnFieldOf(text));
      });
      const known = [...columns.values()].filter((f) => f !== null);
      if (known.includes('title') && known.length >= 2) return { sheet, row, columns };
    }
  }
  const names = (field: DemandColumnField) => DEMAND_COLUMNS[field].slice(0, 4).join('、');
  const message = `前 ${HEADER_SEARCH_ROWS} 行中没有找到表头：表头须有需求列（${names('title')}）和类别列（${names('type')}）`;
  throw new DemandWorkbookError(message, [problem(null, null, 'file', 'headerRow', message)]);
}

function titleAbove(header: HeaderRow): { text: string; row: number } | null {
  const lines = header.sheet.rows
    .filter((row) => row.number < header.row.number)
    .map((row) => ({ row: row.number, text: distinctTexts(row.cells).join(' ') }))
    .filter((line) => line.text && !NOT_TITLE.test(line.text));
  return lines.length ? { text: lines.map((l) => l.text).join(' '), row: lines[0].row } : null;
}

/** The texts of a row, each once: a merged title cell repeats its text over the cells it spans. */
function distinctTexts(cells: SheetCell[]): string[] {
  return [...new Set(cells.map((c) => oneLine(cellText(c))).filter(Boolean))];
}

function itemRows(header: HeaderRow): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const row of header.sheet.rows) {
    if (row.number <= header.row.number) continue;
    const first = distinctTexts(row.cells)[0]?.replace(/\s+/g, '');
    if (first === undefined || SUBTOTAL.test(first)) continue;
    if (TOTAL.test(first) || FOOTER.test(first)) break;
    rows.push(row);
  }
  return rows;
}

function readItem(row: SheetRow, index: number, columns: Partial<Record<DemandColumnField, SheetColumnRef>>, problems: WorkbookProblem[]): SheetItem {
  const item: SheetItem = { row: row.number };
  const cellOf = (field: DemandColumnField): SheetCell => (columns[field] ? row.cells[letterIndex(columns[field].column)] ?? null : null);
  const text = (field: DemandColumnField) => cellText(cellOf(field));
  const refuse = (field: DemandColumnField, rule: string, message: string) =>
    problems.push(problem(row.number, columns[field]!.column, `items.${index}.${field}`, rule, message));

  const typeName = oneLine(text('type'));
  if (!typeName) refuse('type', 'required', `${columns.type!.header}为空，请填写：${serviceTypeNames()}`);
  else if (!serviceTypeFromName(typeName)) refuse('type', 'isIn', `${columns.type!.header}"${typeName}"无法识别，请填写：${serviceTypeNames()}`);
  else item.type = serviceTypeFromName(typeName)!;

  item.title = oneLine(text('title'));
  if (text('description')) item.description = text('description');
  if (text('tags')) item.tags = [...new Set(text('tags').split(/[,，、;；\s]+/).filter(Boolean))];
  if (text('contactName')) item.contactName = oneLine(text('contactName'));
  if (text('contactPhone')) item.contactPhone = phoneOf(cellOf('contactPhone'));
  if (text('desiredBy')) {
    const day = dayOf(cellOf('desiredBy'));
    if (day) item.desiredBy = day;
    else refuse('desiredBy', 'isDate', `${columns.desiredBy!.header}"${text('desiredBy')}"不是有效日期，请填写如 2026-12-31 的日期`);
  }
  return item;
}

/** A phone number as text; a number cell (13900000000) is written out whole, never as 1.39E+10. */
function phoneOf(cell: SheetCell): string {
  const text = typeof cell === 'number' && Number.isInteger(cell) ? cell.toFixed(0) : cellText(cell);
  return oneLine(text.normalize('NFKC'));
}

/** A calendar day from a date cell or from text such as 2026-12-31, 2026/12/31, 2026.12.31 or 2026年12月31日. */
function dayOf(cell: SheetCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoDay(cell);
  const match = DATE_TEXT.exec(cellText(cell).normalize('NFKC'));
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? isoDay(date) : null;
}

function letterIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

function problem(row: number | null, column: string | null, field: string, rule: string, message: string): WorkbookProblem {
  return { row, column, field, rule, message };
}
