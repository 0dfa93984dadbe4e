import { DemandWorkbookError } from '../demand.errors';
import { SheetCell, WorksheetGrid } from './demand-sheet-columns';
import { readDemandSheet } from './demand-sheet';

/** A sheet from rows of cells, row numbers from 1 (a null row is left out, as a file leaves out empty rows). */
function sheet(rows: (SheetCell[] | null)[], name = '需求清单'): WorksheetGrid {
  return { name, rows: rows.flatMap((cells, i) => (cells ? [{ number: i + 1, cells }] : [])) };
}

function refusal(sheets: WorksheetGrid[]): DemandWorkbookError {
  try {
    readDemandSheet(sheets);
  } catch (error) {
    if (error instanceof DemandWorkbookError) return error;
    throw error;
  }
  throw new Error('the workbook was read');
}

describe('readDemandSheet: layouts', () => {
  it('reads the template: header on row 1, one item per row', () => {
    const reading = readDemandSheet([
      sheet([
        ['序号', '类别', '需求名称', '具体内容', '标签', '期望完成时间', '联系人', '联系电话'],
        [1, '金融进园区', '对接园区贷', '流动资金需求', '园区贷，融资', new Date(Date.UTC(2026, 11, 31)), '张伟', 13900000001],
        [2, '培训', '企业管理培训', null, null, '2027/1/15', null, '0551-63571234'],
      ]),
    ]);
    expect(reading).toEqual({
      sheet: '需求清单',
      title: null,
      columns: {
        type: { column: 'B', header: '类别' },
        title: { column: 'C', header: '需求名称' },
        description: { column: 'D', header: '具体内容' },
        tags: { column: 'E', header: '标签' },
        desiredBy: { column: 'F', header: '期望完成时间' },
        contactName: { column: 'G', header: '联系人' },
        contactPhone: { column: 'H', header: '联系电话' },
      },
      items: [
        { row: 2, type: 'finance', title: '对接园区贷', description: '流动资金需求', tags: ['园区贷', '融资'], desiredBy: '2026-12-31', contactName: '张伟', contactPhone: '13900000001' },
        { row: 3, type: 'training', title: '企业管理培训', desiredBy: '2027-01-15', contactPhone: '0551-63571234' },
      ],
      ignoredColumns: [],
      problems: [],
    });
  });

  it('takes title lines above the header (a merged title once), skips 填报单位 lines, 序号, blank rows, subtotals and stops at 合计', () => {
    const title = '2026年第四季度合肥经开区"进园区"需求清单';
    const reading = readDemandSheet([
      sheet([
        ['附件1'],
        [title, title, title, title],
        ['填报单位：合肥经开区管委会', null, '填报日期：2026年11月20日'],
        null,
        ['序号', '服务类型', '事项', '详细说明', '备注'],
        ['1', '金融服务', '对接园区贷', '约 5000 万元', '急'],
        null,
        [null, null, null, null, null],
        ['小计', null, null, null, null],
        ['2', '“外商”进园区', '中德合作推介', null, null],
        ['合  计', null, '2 项', null, null],
        ['3', '金融', '合计之后的行不是需求', null, null],
      ]),
    ]);
    expect(reading.title).toEqual({ text: title, row: 2 });
    expect(reading.ignoredColumns).toEqual(['备注']);
    expect(reading.items).toEqual([
      { row: 6, type: 'finance', title: '对接园区贷', description: '约 5000 万元' },
      { row: 10, type: 'foreign_investment', title: '中德合作推介' },
    ]);
  });

  it('trims full-width and no-break spaces and reads headers written with stars, notes and spaces', () => {
    const reading = readDemandSheet([
      sheet([
        ['类 别*', '需求标题（必填）', '联系电话(手机)'],
        ['\u3000培训\u3000', '\u00a0 企业管理培训\u3000\u3000', '１３９ ０００ ０００１'],
      ]),
    ]);
    expect(reading.columns.title).toEqual({ column: 'B', header: '需求标题（必填）' });
    expect(reading.items).toEqual([{ row: 2, type: 'training', title: '企业管理培训', contactPhone: '139 000 0001' }]);
  });

  it('finds the list on a later sheet when the first one holds instructions', () => {
    const reading = readDemandSheet([
      sheet([['填写说明'], ['类别可填写：金融进园区等六类']], '说明'),
      sheet([['行动', '需求'], ['党建', '智慧党建平台']], '清单'),
    ]);
    expect(reading.sheet).toBe('清单');
    expect(reading.items).toEqual([{ row: 2, type: 'party_building', title: '智慧党建平台' }]);
  });

  it('reports a second column of the same meaning as ignored', () => {
    const reading = readDemandSheet([sheet([['类别', '需求', '事项'], ['媒体', '宣传片', '另一列']])]);
    expect(reading.ignoredColumns).toEqual(['事项']);
    expect(reading.items[0].title).toBe('宣传片');
  });
});

describe('readDemandSheet: cells it cannot read', () => {
  it.each([
    ['an unknown type', ['旅游进园区', '需求'], 'A', 'items.0.type', 'isIn', '类别"旅游进园区"无法识别'],
    ['an empty type', [null, '需求'], 'A', 'items.0.type', 'required', '类别为空'],
    ['text that is no date', ['金融', '需求', '年底前'], 'C', 'items.0.desiredBy', 'isDate', '期望完成时间"年底前"不是有效日期'],
    ['a day that does not exist', ['金融', '需求', '2026-02-30'], 'C', 'items.0.desiredBy', 'isDate', '不是有效日期'],
    ['a number as a date', ['金融', '需求', 46000], 'C', 'items.0.desiredBy', 'isDate', '不是有效日期'],
  ])('%s: a problem at its row and column', (_name, cells, column, field, rule, message) => {
    const reading = readDemandSheet([sheet([['类别', '需求', '期望完成时间'], cells as SheetCell[]])]);
    expect(reading.problems).toEqual([{ row: 2, column, field, rule, message: expect.stringContaining(message) }]);
  });

  it.each([
    ['no header in the first 10 rows', [...Array.from({ length: 10 }, () => ['说明']), ['类别', '需求']], 'headerRow', null],
    ['a header without a type column', [['需求', '描述'], ['宣传片', '说明']], 'required', 1],
    ['no item under the header', [['类别', '需求'], ['合计']], 'arrayMinSize', 1],
    ['201 items', [['类别', '需求'], ...Array.from({ length: 201 }, () => ['媒体', '宣传'])], 'arrayMaxSize', 202],
  ])('refuses %s', (_name, rows, rule, row) => {
    const error = refusal([sheet(rows as SheetCell[][])]);
    expect(error.details).toEqual([expect.objectContaining({ rule, row })]);
  });
});
