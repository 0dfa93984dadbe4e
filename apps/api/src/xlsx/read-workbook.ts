import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

/**
 * How many workbooks one API process loads at once; the next upload waits its turn. The largest
 * accepted workbook adds about 110 MB to the process while its thread loads it, so one at a time.
 * A zone's real list loads in milliseconds; only a workbook near the limit makes the next one wait.
 */
const loading = pLimit(1);

/**
 * The loading thread's heap. The largest accepted workbook loads within 64 MB of old generation;
 * a young generation of 16 MB (V8 would give it 48) takes 15 MB less at no cost in time.
 */
const THREAD_HEAP_MB = 160;
const THREAD_YOUNG_MB = 16;
const THREAD = join(__dirname, 'workbook-thread.js');

/** A cell as it crosses from the thread: a date as its time. */
type ThreadCell = Exclude<SheetCell, Date> | { time: number };
type ThreadAnswer = { sheets: { name: string; rows: { number: number; cells: ThreadCell[] }[] }[] } | { unreadable: true };

/**
 * A date made again on this side, not cloned across: a cloned Date belongs to the realm that
 * received the message, which under jest is not the one the API's code runs in.
 */
const cellOf = (cell: ThreadCell): SheetCell => (cell !== null && typeof cell === 'object' ? new Date(cell.time) : cell);

/** Loads the workbook in a thread of its own (workbook-thread.js explains why). */
export function loadInThread(file: Buffer, heapMb = THREAD_HEAP_MB): Promise<WorksheetGrid[]> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD, { workerData: { file }, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: THREAD_YOUNG_MB } });
    thread.once('message', (answer: ThreadAnswer) => {
      // Its work is done: the thread need not wind down by itself while the next upload waits.
      void thread.terminate();
      if (!('sheets' in answer)) return reject(new NotAWorkbookError('文件已损坏或不是 Excel 保存的工作簿'));
      resolve(answer.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => ({ number: row.number, cells: row.cells.map(cellOf) })) })));
    });
    thread.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkbookTooLargeError() : error));
    // Settles nothing once the answer came; otherwise the thread ended without one.
    thread.once('exit', (code) => reject(new Error(`the workbook thread exited with code ${code} and no answer`)));
  });
}

/** The visible worksheets of an uploaded .xlsx, in tab order, as rows of plain values. */
export async function readWorkbook(file: Buffer): Promise<WorksheetGrid[]> {
  await checkPackage(file);
  return loading(() => loadInThread(file));
}
