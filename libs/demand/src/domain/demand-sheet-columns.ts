/** One cell as a spreadsheet gives it: text, a number, a yes/no, a date (its Excel wall-clock time in UTC fields) or nothing. */
export type SheetCell = string | number | boolean | Date | null;

/** A row of a worksheet: `number` as Excel shows it (1-based), `cells[0]` is column A. */
export interface SheetRow {
  number: number;
  cells: SheetCell[];
}

export interface WorksheetGrid {
  name: string;
  /** Rows that hold anything, in ascending order. */
  rows: SheetRow[];
}

/** The item fields a column of a zone's workbook can fill. */
export type DemandColumnField = 'type' | 'title' | 'description' | 'tags' | 'desiredBy' | 'contactName' | 'contactPhone';

/**
 * The column names zones use, first the one our template writes. Matched after the header text
 * is normalised (spaces, full-width forms, a trailing * or "（必填）" removed).
 */
export const DEMAND_COLUMNS: Record<DemandColumnField, readonly string[]> = {
  type: ['类别', '需求类别', '服务类型', '行动', '类型', '需求类型', '服务类别', '所属行动', '行动类别'],
  title: ['需求', '需求名称', '需求标题', '事项', '需求事项', '事项名称', '标题'],
  description: ['描述', '具体内容', '需求描述', '详细说明', '需求内容', '具体需求', '说明', '内容'],
  tags: ['标签', '关键词'],
  desiredBy: ['期望完成时间', '期望完成日期', '完成时限', '期望时间', '计划完成时间', '时间要求', '完成时间'],
  contactName: ['联系人', '对接人', '联系人姓名'],
  contactPhone: ['联系电话', '电话', '手机', '手机号码', '联系方式', '联系人电话'],
};

/** A running number column: recognised, never imported. */
const SEQ_NAMES = ['序号', '编号', '序'];

/** What the template's header row says, in its column order. */
export const TEMPLATE_COLUMNS: { field: DemandColumnField | 'seq'; header: string }[] = [
  { field: 'seq', header: '序号' },
  { field: 'type', header: '类别' },
  { field: 'title', header: '需求名称' },
  { field: 'description', header: '具体内容' },
  { field: 'tags', header: '标签' },
  { field: 'desiredBy', header: '期望完成时间' },
  { field: 'contactName', header: '联系人' },
  { field: 'contactPhone', header: '联系电话' },
];

const FIELD_BY_NAME = new Map<string, DemandColumnField | 'seq'>([
  ...SEQ_NAMES.map((name) => [name, 'seq'] as const),
  ...(Object.entries(DEMAND_COLUMNS) as [DemandColumnField, readonly string[]][]).flatMap(([field, names]) => names.map((name) => [name, field] as const)),
]);

/** Whitespace people do not see: full-width and no-break spaces, zero-width characters, a BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Cell text as a person means it: trimmed of every kind of space (full-width ones too). */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').trim();
}

/** A one-line value: runs of spaces and line breaks become one space. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}

/** The text a cell shows, for any kind of value. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return cleanText(String(cell));
}

/** A date cell's calendar day: spreadsheets keep wall-clock time, which the reader gives in UTC fields. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The column a header cell names, or null for a column we do not know. */
export function columnFieldOf(header: string): DemandColumnField | 'seq' | null {
  const name = header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\([^)]*\)$/, '')
    .replace(/[:*]+$/, '');
  return FIELD_BY_NAME.get(name) ?? null;
}

/** "A", "B", … "Z", "AA": the column letters Excel shows, for a 0-based index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
