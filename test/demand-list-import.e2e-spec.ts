import { HttpResponse, TestContext, testWorkbook, uploadWorkbook, UploadOptions } from '@enterpark/testing';

/**
 * Zones file their demand lists from their own workbooks: real .xlsx files written here in the
 * layouts zones use, uploaded through the real API, the database as the witness.
 */
describe('POST /demand-lists/import reads a zone\'s own workbook', () => {
  let ctx: TestContext;
  let zoneId: string;
  let manager: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    zoneId = (await ctx.newZone({ name: '合肥经开区' })).id;
    manager = (await ctx.newUser('zone_manager', { zoneId })).token;
  });
  afterAll(() => ctx.close());

  const upload = (file: Buffer, options: Partial<UploadOptions> = {}) => uploadWorkbook(ctx.baseUrl, file, { token: manager, ...options });

  /** Sends the workbook and checks that the database holds exactly what it held before. */
  async function refused(file: Buffer, options: Partial<UploadOptions> = {}): Promise<HttpResponse> {
    const before = await ctx.rowCounts();
    const res = await upload(file, options);
    expect(await ctx.rowCounts()).toEqual(before);
    return res;
  }

  it('the template layout: a date cell, a numeric phone cell, tags; a dry run files nothing, then the real one files it', async () => {
    const file = await testWorkbook({
      name: '需求清单',
      rows: [
        ['序号', '类别', '需求名称', '具体内容', '标签', '期望完成时间', '联系人', '联系电话'],
        [1, '金融进园区', '对接园区贷融资渠道', '园区 12 家企业有流动资金需求', '园区贷、流动资金', new Date(Date.UTC(2026, 11, 31)), '张伟', 13905510001],
        [2, 'training', '企业管理培训', null, null, '2027年1月15日', null, '0551-63571234转8012'],
      ],
    });
    const dry = await refused(file, { query: '?dryRun=true', fields: { title: '2026年第四季度需求清单', period: '2026-Q4' } });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      title: '2026年第四季度需求清单',
      period: '2026-Q4',
      sheet: '需求清单',
      ignoredColumns: [],
      items: [
        { row: 2, type: 'finance', title: '对接园区贷融资渠道', description: '园区 12 家企业有流动资金需求', desiredBy: '2026-12-31', tags: ['园区贷', '流动资金'], contactName: '张伟', contactPhone: '13905510001' },
        { row: 3, type: 'training', title: '企业管理培训', description: null, desiredBy: '2027-01-15', tags: [], contactName: null, contactPhone: '0551-63571234转8012' },
      ],
    });

    const filed = await upload(file, { fields: { title: '2026年第四季度需求清单', period: '2026-Q4' } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ zoneId, title: '2026年第四季度需求清单', period: '2026-Q4', status: 'open', itemCount: 2, ticketCount: 2 });
    expect(filed.body.tickets.map((t: { seq: number; type: string; status: string }) => [t.seq, t.type, t.status])).toEqual([[1, 'finance', 'submitted'], [2, 'training', 'submitted']]);
    const rows = await ctx.sql(`SELECT title, desired_by::text, tags, contact_name, contact_phone FROM ticket WHERE demand_list_id = $1 ORDER BY seq`, [filed.body.id]);
    expect(rows).toEqual([
      { title: '对接园区贷融资渠道', desired_by: '2026-12-31', tags: ['园区贷', '流动资金'], contact_name: '张伟', contact_phone: '13905510001' },
      { title: '企业管理培训', desired_by: '2027-01-15', tags: [], contact_name: null, contact_phone: '0551-63571234转8012' },
    ]);
    const events = await ctx.sql(`SELECT name FROM event WHERE aggregate_id = ANY ($1::uuid[]) ORDER BY seq`, [[filed.body.id, ...filed.body.tickets.map((t: { id: string }) => t.id)]]);
    expect(events.map((e) => e.name).sort()).toEqual(['demand_list.filed', 'ticket.submitted', 'ticket.submitted']);
  });

  it('a zone layout: merged title, 填报单位 line, header on row 4 with synonyms, a merged 服务类型, full-width spaces, 备注 ignored, blank rows, 合计', async () => {
    const title = '合肥经开区2026年第四季度"进园区"服务需求清单';
    const file = await testWorkbook({
      rows: [
        [title],
        ['填报单位：合肥经开区管委会', null, null, '填报日期：2026年11月20日'],
        null,
        ['序号', '服务类型', '事项', '详细说明', '联系电话', '备注'],
        [1, '金融服务', '\u3000对接园区贷\u3000', '约 5000 万元', '139 0551 0002', '急'],
        [2, null, '设立产业基金', null, null, null],
        null,
        [3, '“外商”进园区', '中德(合肥)国际合作智慧产业园推介', null, null, null],
        ['合  计', null, '3 项', null, null, null],
        ['注：本表由园区经发局填报'],
      ],
      merges: ['A1:F1', 'B5:B6'],
    });
    const res = await upload(file, { query: '?dryRun=true' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title, ignoredColumns: ['备注'] });
    expect(res.body.items.map((i: Record<string, unknown>) => [i.row, i.type, i.title, i.contactPhone])).toEqual([
      [5, 'finance', '对接园区贷', '139 0551 0002'],
      [6, 'finance', '设立产业基金', null],
      [8, 'foreign_investment', '中德(合肥)国际合作智慧产业园推介', null],
    ]);
  });

  it('another layout: the instructions sheet first, title lines above a header on row 3, other synonyms', async () => {
    const file = await testWorkbook(
      { name: '填写说明', rows: [['类别可填写：金融进园区、培训进园区等'], ['需求名称不超过 200 字']] },
      {
        name: '芜湖经开区',
        rows: [
          ['芜湖经开区'],
          ['2026年度企业服务需求'],
          ['行动', '需求标题', '需求描述', '对接人', '手机', '完成时限'],
          ['非公党建', '智慧党建平台建设', '覆盖园区 30 家非公企业', '李娜', '13800000003', '2026.12.20'],
        ],
      },
    );
    const res = await upload(file, { query: '?dryRun=true' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '芜湖经开区 2026年度企业服务需求', sheet: '芜湖经开区', ignoredColumns: [] });
    expect(res.body.items).toEqual([
      { row: 4, type: 'party_building', title: '智慧党建平台建设', description: '覆盖园区 30 家非公企业', desiredBy: '2026-12-20', tags: [], contactName: '李娜', contactPhone: '13800000003' },
    ]);
  });

  it('refuses the whole workbook for bad rows, each named by its Excel row and column, with the rules of POST /demand-lists', async () => {
    const file = await testWorkbook({
      rows: [
        ['清单'],
        ['类别', '需求', '描述', '标签', '期望完成时间', '联系电话'],
        ['旅游进园区', '文旅推介', null, null, null, null],
        ['金融', 'x'.repeat(201), null, null, null, null],
        ['培训', '企业培训', 'y'.repeat(1001), '标签'.repeat(16), null, null],
        ['媒体', '宣传片', null, null, '年底前', 'call me'],
        ['精准服务', '', null, null, null, null],
      ],
    });
    const res = await refused(file);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DEMAND_WORKBOOK_INVALID', message: '工作簿有 7 处问题，整份未导入，请修改后重新上传' });
    expect(res.body.details.map((d: Record<string, unknown>) => [d.row, d.column, d.field, d.rule])).toEqual([
      [3, 'A', 'items.0.type', 'isIn'],
      [4, 'B', 'items.1.title', 'maxLength'],
      [5, 'C', 'items.2.description', 'maxLength'],
      [5, 'D', 'items.2.tags', 'maxLength'],
      [6, 'E', 'items.3.desiredBy', 'isDate'],
      [6, 'F', 'items.3.contactPhone', 'matches'],
      [7, 'B', 'items.4.title', 'minLength'],
    ]);
    expect(res.body.details.map((d: { message: string }) => d.message)).toEqual([
      expect.stringMatching(/^类别"旅游进园区"无法识别，请填写：媒体进园区、金融进园区、/),
      '需求不能超过 200 个字符',
      '描述不能超过 1000 个字符',
      '标签中的每一项不能超过 30 个字符',
      '期望完成时间"年底前"不是有效日期，请填写如 2026-12-31 的日期',
      '联系电话只能包含数字、空格及 + - ( ) / 、 ， 转 等电话号码字符',
      '需求不能为空',
    ]);
  });

  it.each([
    ['no title lines and no title field', [['类别', '需求'], ['金融', '园区贷']], 'title', 'required'],
    ['no header in the first 10 rows', [...Array.from({ length: 10 }, () => ['说明文字']), ['类别', '需求'], ['金融', '园区贷']], 'file', 'headerRow'],
    ['no type column', [['清单'], ['需求', '描述'], ['园区贷', '']], 'type', 'required'],
    ['no items', [['清单'], ['类别', '需求'], ['合计', '0']], 'items', 'arrayMinSize'],
    ['201 items', [['清单'], ['类别', '需求'], ...Array.from({ length: 201 }, (_, i) => ['金融', `需求 ${i + 1}`])], 'items', 'arrayMaxSize'],
  ])('refuses a workbook with %s (422 naming the rule)', async (_name, rows, field, rule) => {
    const res = await refused(await testWorkbook({ rows }));
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([expect.objectContaining({ field, rule, message: expect.any(String) })]);
  });

  it.each([
    ['a text file', Buffer.from('类别,需求\n金融,园区贷\n'), 400, 'isXlsx'],
    ['an old .xls (OLE2) file', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 400, 'isXlsx'],
    ['a file over 5 MiB', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 413, 'maxBytes'],
  ])('refuses %s', async (_name, file, status, rule) => {
    const res = await refused(file);
    expect(res.status).toBe(status);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'file', rule })]);
  });

  it('refuses a zip that is no workbook, and one that unpacks to more than 10 MiB', async () => {
    const { default: JSZip } = await import('jszip');
    const docx = await new JSZip().file('word/document.xml', '<w:document/>').generateAsync({ type: 'nodebuffer' });
    expect(await refused(docx)).toMatchObject({ status: 400, body: { code: 'NOT_A_WORKBOOK' } });
    const bomb = await new JSZip()
      .file('xl/workbook.xml', '<workbook/>')
      .file('xl/worksheets/sheet1.xml', Buffer.alloc(11 * 1024 * 1024, 0x20))
      .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await refused(bomb);
    expect(res.status).toBe(413);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'maxUnpackedBytes' })]);
  });

  it.each([
    ['the file under another name', { fileField: 'workbook' }, 'workbook', 'notAllowed'],
    ['an unknown field', { fields: { status: 'completed' } }, 'status', 'notAllowed'],
    ['an over-long title', { fields: { title: 't'.repeat(201) } }, 'title', 'maxLength'],
    ['a bad Idempotency-Key', { idempotencyKey: 'has space' }, 'Idempotency-Key', 'format'],
  ])('refuses a form with %s (400)', async (_name, options, field, rule) => {
    const res = await refused(await testWorkbook({ rows: [['清单'], ['类别', '需求'], ['金融', '园区贷']] }), options);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field, rule })]);
  });
});
