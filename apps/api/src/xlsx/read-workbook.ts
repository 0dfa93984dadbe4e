import type { CellValue, Worksheet } from 'exceljs';
import JSZip from 'jszip';
import pLimit from 'p-limit';
import { DomainError } from '@enterpark/common';
import type { SheetCell, WorksheetGrid } from '@enterpark/demand';

/**
 * What a workbook may unpack to, all its parts together. A 200-item list is well under 1 MiB;
 * ExcelJS holds a loaded workbook at about 12 times its unpacked size (20 MiB took 250 MiB and
 * 3–5 s here), so a workbook carrying big other sheets is refused rather than loaded.
 */
export const MAX_UNPACKED_BYTES = 10 * 1024 * 1024;
const MIB = 1024 * 1024;

export class NotAWorkbookError extends DomainError {
  readonly code = 'NOT_A_WORKBOOK';
  readonly kind = 'invalid';
  constructor(why: string) {
    const message = `上传的文件不是 Excel 工作簿（.xlsx）：${why}`;
    super(message, [{ field: 'file', rule: 'isXlsx', message }]);
  }
}

/** The upload's own size is checked as it arrives (http/multipart.ts); this is what it unpacks to. */
export class WorkbookTooLargeError extends DomainError {
  readonly code = 'FILE_TOO_LARGE';
  readonly kind = 'too_large';
  constructor() {
    const message = `工作簿解压后超过 ${MAX_UNPACKED_BYTES / MIB} MiB，请只保留需求清单所在的工作表`;
    super(message, [{ field: 'file', rule: 'maxUnpackedBytes', message }]);
  }
}

/** The OLE2 signature of old .xls files (and of password-protected .xlsx). */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Checks that `file` is a zipped workbook that unpacks to at most MAX_UNPACKED_BYTES, counting
 * what actually comes out of each part (a zip may lie about its sizes), before ExcelJS, which
 * unpacks everything into memory, is given it.
 */
async function checkPackage(file: Buffer): Promise<void> {
  if (file.subarray(0, OLE2.length).equals(OLE2)) throw new NotAWorkbookError('这是旧版 .xls 或加密的文件，请在 Excel 中另存为 .xlsx（不设密码）');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file);
  } catch {
    throw new NotAWorkbookError('文件无法按 .xlsx 格式打开');
  }
  if (!zip.file('xl/workbook.xml')) throw new NotAWorkbookError('文件中没有工作簿（可能是 Word 或其他压缩文件）');
  let unpacked = 0;
  for (const entry of Object.values(zip.files).filter((e) => !e.dir)) {
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          unpacked += chunk.length;
          if (unpacked > MAX_UNPACKED_BYTES) {
            stream.pause();
            reject(new WorkbookTooLargeError());
          }
        })
        .on('error', () => reject(new NotAWorkbookError('文件已损坏')))
        .on('end', () => resolve());
    });
  }
}

/** A cell's value as the sheet shows it: a formula's result, a link's text, rich text as plain text, an error as nothing. */
function plain(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain((value.result ?? null) as CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

function gridOf(worksheet: Worksheet): WorksheetGrid {
  const rows: WorksheetGrid['rows'] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: SheetCell[] = [];
    // A merged cell reads as its top-left cell's value, so a 类别 merged over rows fills each of them.
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = plain(cell.value);
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { name: worksheet.name, rows };
}

/**
 * How many workbooks one API process holds loaded at once; the next upload waits its turn. The
 * largest accepted workbook adds about 75 MB to the process while loaded (bench:intake's workbook
 * phase), and the API's heap is capped (package.json start:api), so one at a time. A zone's real
 * list loads in milliseconds; only a workbook near the limit makes the next one wait.
 */
export const WORKBOOKS_LOADED_AT_ONCE = 1;
const loading = pLimit(WORKBOOKS_LOADED_AT_ONCE);

/** The visible worksheets of an uploaded .xlsx, in tab order, as rows of plain values. */
export async function readWorkbook(file: Buffer): Promise<WorksheetGrid[]> {
  await checkPackage(file);
  return loading(async () => {
    // ExcelJS (~30 MB resident once loaded) is loaded by the first upload, not by every API process at boot.
    const { Workbook } = await import('exceljs');
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new NotAWorkbookError('文件已损坏或不是 Excel 保存的工作簿');
    }
    return workbook.worksheets.filter((w) => w.state === 'visible').map(gridOf);
  });
}
