import { testWorkbook } from '@enterpark/testing';
import { loadInThread, NotAWorkbookError, WorkbookTooLargeError } from './read-workbook';

/** The loading thread, on its own: what it answers, and what ends it. */
describe('loadInThread', () => {
  it('answers the visible sheets, a date cell as a Date, a hidden sheet left out', async () => {
    const file = await testWorkbook(
      { name: '需求清单', rows: [['类别', '期望完成时间'], ['金融', new Date(Date.UTC(2026, 11, 31))]] },
      { name: '隐藏', rows: [['x']], state: 'hidden' },
    );
    const [sheet, ...others] = await loadInThread(file);
    expect(others).toEqual([]);
    expect(sheet.name).toBe('需求清单');
    expect(sheet.rows[1].cells[0]).toBe('金融');
    expect(sheet.rows[1].cells[1]).toBeInstanceOf(Date);
    expect((sheet.rows[1].cells[1] as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('refuses a zip ExcelJS cannot read as not a workbook', async () => {
    const { default: JSZip } = await import('jszip');
    const broken = await new JSZip().file('xl/workbook.xml', '<workbook').generateAsync({ type: 'nodebuffer' });
    await expect(loadInThread(broken)).rejects.toBeInstanceOf(NotAWorkbookError);
  });

  it('refuses a workbook too big for the thread heap as too large, and the process goes on', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [i, `园区企业${i}`, '合肥经济技术开发区繁华大道', 12_345.67 + i]);
    const file = await testWorkbook({ name: '附表', rows });
    await expect(loadInThread(file, 8)).rejects.toBeInstanceOf(WorkbookTooLargeError);
    expect((await loadInThread(await testWorkbook({ rows: [['类别'], ['金融']] })))[0].rows).toHaveLength(2);
  });
});
