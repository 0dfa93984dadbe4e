import { PassThrough, Readable, Writable } from 'node:stream';
import { Logger, StreamableFile } from '@nestjs/common';
import { AnyXlsxSheet, rowWriter, writeHeader } from './xlsx-sheet';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const logger = new Logger('XlsxStream');

/**
 * Writes the sheets as one .xlsx into `output` with ExcelJS's streaming writer: each row is
 * committed (serialised and released) as soon as it is written, so memory stays flat however
 * many rows there are, and the first bytes leave before the last row is read.
 */
export async function writeXlsx(output: Writable, sheets: AnyXlsxSheet[]): Promise<void> {
  // Loaded by the first download rather than at boot (see readWorkbook).
  const { stream: xlsxStream } = await import('exceljs');
  const workbook = new xlsxStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.configure?.(worksheet);
    writeHeader(worksheet, sheet.columns, sheet.formatWholeColumns);
    const write = rowWriter(worksheet, sheet.columns);
    for await (const row of sheet.rows) write(row).commit();
    for (const note of sheet.notes ?? []) {
      worksheet.addRow([]).commit();
      worksheet.addRow([note]).commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** RFC 6266 / 5987: an ASCII fallback name, and the Chinese one for every browser that reads filename*. */
export function attachment(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The workbook as a download Nest streams to the client. Errors before the first byte are
 * answered as usual by the caller (it checks before calling this); a failure while rows are
 * being read can only cut the download short, which the client sees as a broken file.
 */
export function xlsxDownload(filename: string, asciiFallback: string, sheets: AnyXlsxSheet[]): StreamableFile {
  const body = new PassThrough();
  writeXlsx(body, sheets).catch((error: unknown) => {
    logger.error(error);
    body.destroy(error as Error);
  });
  return new StreamableFile(body as Readable, { type: XLSX_TYPE, disposition: attachment(filename, asciiFallback) });
}
