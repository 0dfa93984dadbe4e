import { Cell, ValueType, Workbook } from 'exceljs';
import { ReadTicketsService } from '@enterpark/tickets';
import { readTestWorkbook, TestContext } from '@enterpark/testing';
import { exportedTickets } from '../apps/api/src/tickets/ticket-export';

/**
 * GET /tickets/export.xlsx: what GET /tickets lists, for whoever asks, as a workbook that opens
 * (read back here with ExcelJS), in Chinese, times in Shanghai, and no text ever a formula.
 */
describe('GET /tickets/export.xlsx', () => {
  let ctx: TestContext;
  const tokens = {} as Record<'hefei' | 'wuhu' | 'finance' | 'coordinator' | 'viewer', string>;
  let wuhu: string;
  const RISKY = ['=HYPERLINK("http://evil.example/","点我")', '+1+2', '-2+3', '@SUM(A1:A9)', '=1+1'];

  const download = (token: string, query = '') => fetch(`${ctx.baseUrl}/api/v1/tickets/export.xlsx${query}`, { headers: { authorization: `Bearer ${token}` } });

  async function exported(token: string, query = ''): Promise<{ workbook: Workbook; rows: Record<string, unknown>[] }> {
    const res = await download(token, query);
    expect(res.status).toBe(200);
    const workbook = await readTestWorkbook(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('工单')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    return { workbook, rows };
  }

  beforeAll(async () => {
    ctx = await TestContext.create({ env: { EXPORT_MAX_ROWS: '4' } });
    const hefei = (await ctx.newZone({ name: '合肥经开区' })).id;
    wuhu = (await ctx.newZone({ name: '芜湖经开区' })).id;
    tokens.hefei = (await ctx.newUser('zone_manager', { zoneId: hefei })).token;
    tokens.wuhu = (await ctx.newUser('zone_manager', { zoneId: wuhu })).token;
    tokens.finance = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    tokens.viewer = (await ctx.newUser('viewer')).token;
    tokens.coordinator = await ctx.coordinatorToken();
    const file = (token: string, body: unknown) => ctx.request('POST', '/api/v1/demand-lists', { token, body });
    const hefeiList = await file(tokens.hefei, {
      title: '合肥经开区第四季度清单',
      items: [
        { type: 'finance', title: RISKY[0], description: `${RISKY[1]}\u0007`, tags: [RISKY[2]], desiredBy: '2026-12-31', contactName: RISKY[4], contactPhone: '13900000001' },
        { type: 'media', title: RISKY[3], description: '园区宣传片' },
        { type: 'training', title: '企业管理培训' },
      ],
    });
    const wuhuList = await file(tokens.wuhu, { title: '芜湖经开区清单', items: [{ type: 'finance', title: '产业基金' }] });
    const ids = [...hefeiList.body.tickets, ...wuhuList.body.tickets].map((t: { id: string }) => t.id);
    await ctx.waitFor(async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE id = ANY ($1::uuid[]) AND status = 'routed'`, [ids]))[0].n === 4, 15_000, 'routed');
  });
  afterAll(() => ctx.close());

  it('streams a workbook named in Chinese', async () => {
    const res = await download(tokens.hefei);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="tickets-2026-11-23.xlsx"; filename*=UTF-8''${encodeURIComponent('工单-2026-11-23.xlsx')}`);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    await res.arrayBuffer();
  });

  it.each(['hefei', 'wuhu', 'finance', 'coordinator', 'viewer'] as const)('holds exactly what GET /tickets lists for the %s, in its order', async (who) => {
    const listed = await ctx.request('GET', '/api/v1/tickets?limit=200', { token: tokens[who] });
    const { rows } = await exported(tokens[who]);
    expect(rows.map((r) => r['工单编号'])).toEqual(listed.body.items.map((t: { id: string }) => t.id));
  });

  it('takes the same filters: a zone manager naming another zone gets an empty sheet, a bad filter a 400', async () => {
    expect((await exported(tokens.hefei, '?type=finance')).rows.map((r) => r['服务类型'])).toEqual(['金融进园区']);
    expect((await exported(tokens.coordinator, `?zoneId=${wuhu}`)).rows.map((r) => r['需求名称'])).toEqual(['产业基金']);
    expect((await exported(tokens.hefei, `?zoneId=${wuhu}`)).rows).toEqual([]);
    expect((await exported(tokens.hefei, '?q=培训')).rows.map((r) => r['需求名称'])).toEqual(['企业管理培训']);
    for (const query of ['?status=bogus', '?limit=10', '?overdue=maybe']) {
      const res = await download(tokens.hefei, query);
      expect(res.status).toBe(400);
    }
  });

  it('writes Chinese headers and names, Shanghai times, date cells, and the contact for the zone', async () => {
    const { workbook, rows } = await exported(tokens.hefei, '?type=finance');
    const sheet = workbook.getWorksheet('工单')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['工单编号', '园区', '需求清单', '服务类型', '需求名称', '状态', '提交时间', '联系人', '联系电话']));
    const [row] = rows;
    expect(row).toMatchObject({ 园区: '合肥经开区', 需求清单: '合肥经开区第四季度清单', 清单序号: 1, 服务类型: '金融进园区', 状态: '已分派', 窗口: '金融进园区', 联系电话: '13900000001' });
    const [created] = await ctx.sql(`SELECT created_at FROM ticket WHERE id = $1`, [row['工单编号']]);
    // A spreadsheet has no time zone: the cell holds the Shanghai wall-clock time.
    expect((row['提交时间'] as Date).toISOString()).toBe(new Date(created.created_at.getTime() + 8 * 3600_000).toISOString());
    expect((row['期望完成日期'] as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    const cell = (header: string) => sheet.getRow(2).getCell((sheet.getRow(1).values as string[]).indexOf(header));
    expect([cell('提交时间').numFmt, cell('期望完成日期').numFmt, cell('需求名称').numFmt]).toEqual(['yyyy-mm-dd hh:mm', 'yyyy-mm-dd', '@']);
  });

  it('never turns a user\'s text into a formula: = + - @ stay text, in Text format; a control character is dropped', async () => {
    const { workbook, rows } = await exported(tokens.coordinator, `?zoneId=${(await ctx.sql(`SELECT zone_id FROM ticket WHERE title = $1`, [RISKY[0]]))[0].zone_id}`);
    const cells: Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c))));
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => c.type === ValueType.Formula || c.formula !== undefined)).toEqual([]);
    const texts = rows.flatMap((r) => [r['需求名称'], r['需求描述'], r['标签'], r['联系人']]);
    expect(texts).toEqual(expect.arrayContaining([RISKY[0], RISKY[1], RISKY[2], RISKY[3], RISKY[4]]));
    for (const risky of RISKY) expect(cells.find((c) => c.value === risky)?.numFmt).toBe('@');
  });

  it('leaves the contact out for viewers', async () => {
    const { workbook } = await exported(tokens.viewer);
    expect(workbook.getWorksheet('工单')!.getRow(1).values).not.toEqual(expect.arrayContaining(['联系人']));
  });

  it('refuses more tickets than EXPORT_MAX_ROWS with a 422 that says to narrow the filters', async () => {
    expect(await ctx.sql(`SELECT count(*)::int AS n FROM ticket`)).toEqual([{ n: 4 }]);
    await ctx.request('POST', '/api/v1/demand-lists', { token: tokens.wuhu, body: { title: '又一份清单', items: [{ type: 'media', title: '短视频' }] } });
    const res = await download(tokens.coordinator);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      count: 5,
      maxRows: 4,
      details: [{ field: 'filters', rule: 'maxRows', message: expect.stringContaining('请缩小筛选范围') }],
    });
    expect((await exported(tokens.coordinator, `?zoneId=${wuhu}`)).rows).toHaveLength(2);
  });

  it('stops at the limit and says so, should more tickets match by the time the rows are read', async () => {
    const notes: string[] = [];
    const read: string[] = [];
    for await (const ticket of exportedTickets(ctx.api.get(ReadTicketsService), { kind: 'province' }, {}, 3, notes)) read.push(ticket.id);
    expect(read).toHaveLength(3);
    expect(notes).toEqual(['已达单次导出上限 3 张，其后的工单未导出，请缩小筛选范围后分次导出。']);
  });
});
