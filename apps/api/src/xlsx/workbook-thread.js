'use strict';
/**
 * Runs in a worker thread, one per upload (read-workbook.ts): loads the uploaded .xlsx with
 * ExcelJS and answers its visible worksheets, in tab order, as rows of plain values. ExcelJS
 * parses a big sheet in stretches of a quarter second and holds a workbook at about 12 times its
 * unpacked size; in a thread that blocks no request, and a workbook too big for the thread's heap
 * ends the thread, not the API. Plain JavaScript, because a thread runs only what Node itself
 * loads, in the tests too (they run the TypeScript sources).
 */
const { parentPort, workerData } = require('node:worker_threads');
const { Workbook } = require('exceljs');

/** A cell's value as the sheet shows it: a formula's result, a link's text, rich text as plain text, an error as nothing. */
function plain(value) {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result ?? null);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

function gridOf(worksheet) {
  const rows = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = [];
    // A merged cell reads as its top-left cell's value, so a 类别 merged over rows fills each of them.
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = plain(cell.value);
      // A date crosses to the API as its time (read-workbook.ts makes it a Date again).
      cells[column - 1] = value instanceof Date ? { time: value.getTime() } : value;
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { name: worksheet.name, rows };
}

async function read(file) {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file);
  } catch {
    return { unreadable: true };
  }
  return { sheets: workbook.worksheets.filter((w) => w.state === 'visible').map(gridOf) };
}

read(workerData.file).then((answer) => parentPort.postMessage(answer));
