import { CellValue, Workbook } from 'exceljs';
import type { HttpResponse } from './test-context';

export interface TestSheet {
  name?: string;
  /** Row by row from row 1; `null` leaves a row empty. */
  rows: (CellValue[] | null)[];
  /** Ranges such as "A1:F1". */
  merges?: string[];
  state?: 'visible' | 'hidden';
}

/** An .xlsx as a zone would save it, written by ExcelJS. */
export async function testWorkbook(...sheets: TestSheet[]): Promise<Buffer> {
  const workbook = new Workbook();
  sheets.forEach((sheet, i) => {
    const worksheet = workbook.addWorksheet(sheet.name ?? `Sheet${i + 1}`, { state: sheet.state ?? 'visible' });
    sheet.rows.forEach((cells, r) => {
      if (cells) worksheet.getRow(r + 1).values = cells as CellValue[];
    });
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a downloaded .xlsx back. */
export async function readTestWorkbook(bytes: ArrayBuffer | Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

export interface UploadOptions {
  token: string;
  fields?: Record<string, string>;
  query?: string;
  idempotencyKey?: string;
  filename?: string;
  /** The form field of the file (default `file`). */
  fileField?: string;
}

/** POST /api/v1/demand-lists/import as a browser's form would send it. */
export async function uploadWorkbook(baseUrl: string, file: Buffer, options: UploadOptions): Promise<HttpResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append(options.fileField ?? 'file', new Blob([file]), options.filename ?? '需求清单.xlsx');
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const res = await fetch(`${baseUrl}/api/v1/demand-lists/import${options.query ?? ''}`, { method: 'POST', headers, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}
