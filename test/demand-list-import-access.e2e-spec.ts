import { readTestWorkbook, TestContext, testWorkbook, uploadWorkbook, UploadOptions } from '@enterpark/testing';

/**
 * Who may import into which zone, the Idempotency-Key as POST /demand-lists keeps it, the
 * template, and the zone's contact: seen by the zone, its desk and coordinators, by no other zone.
 */
describe('demand list import: tenancy, retries, the template and the contact', () => {
  let ctx: TestContext;
  let hefei: string;
  let wuhu: string;
  let hefeiManager: string;
  let wuhuManager: string;
  let coordinator: string;
  let financeDesk: string;
  let trainingDesk: string;
  let viewer: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    hefei = (await ctx.newZone({ name: '合肥经开区' })).id;
    wuhu = (await ctx.newZone({ name: '芜湖经开区' })).id;
    hefeiManager = (await ctx.newUser('zone_manager', { zoneId: hefei })).token;
    wuhuManager = (await ctx.newUser('zone_manager', { zoneId: wuhu })).token;
    coordinator = await ctx.coordinatorToken();
    financeDesk = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    trainingDesk = (await ctx.newUser('desk_staff', { desks: ['training'] })).token;
    viewer = (await ctx.newUser('viewer')).token;
  });
  afterAll(() => ctx.close());

  const list = (title = '园区贷', phone: string | number = 13905510001) => testWorkbook({
    rows: [['2026年第四季度需求清单'], ['类别', '需求', '联系人', '联系电话'], ['金融', title, '张伟', phone]],
  });
  const upload = async (token: string, options: Partial<UploadOptions> = {}, file?: Buffer) => uploadWorkbook(ctx.baseUrl, file ?? (await list()), { token, ...options });

  /** Lists and tickets filed so far (the worker keeps routing earlier ones, so other tables move on their own). */
  const filings = () => ctx.sql(`SELECT (SELECT count(*)::int FROM demand_list) AS lists, (SELECT count(*)::int FROM ticket) AS tickets`);

  async function refused(token: string, options: Partial<UploadOptions>, status: number, field: string, rule: string) {
    const before = await filings();
    const res = await upload(token, options);
    expect({ status: res.status, details: res.body.details }).toEqual({ status, details: [expect.objectContaining({ field, rule })] });
    expect(await filings()).toEqual(before);
  }

  it('a zone manager imports only into their own zone: naming any zone is refused, dry run or not', async () => {
    await refused(hefeiManager, { fields: { zoneId: wuhu } }, 400, 'zoneId', 'forbiddenForZoneManager');
    await refused(hefeiManager, { fields: { zoneId: wuhu }, query: '?dryRun=true' }, 400, 'zoneId', 'forbiddenForZoneManager');
    await refused(hefeiManager, { fields: { zoneId: hefei } }, 400, 'zoneId', 'forbiddenForZoneManager');
    const own = await upload(hefeiManager);
    expect(own.status).toBe(201);
    expect(own.body.zoneId).toBe(hefei);
  });

  it('a coordinator must name an existing zone; desk staff and viewers may not import', async () => {
    await refused(coordinator, {}, 400, 'zoneId', 'required');
    await refused(coordinator, { query: '?dryRun=true' }, 400, 'zoneId', 'required');
    await refused(coordinator, { fields: { zoneId: '00000000-0000-4000-8000-000000000000' } }, 400, 'zoneId', 'exists');
    const filed = await upload(coordinator, { fields: { zoneId: wuhu } });
    expect(filed.status).toBe(201);
    expect(filed.body.zoneId).toBe(wuhu);
    for (const token of [financeDesk, viewer]) expect((await upload(token, { fields: { zoneId: wuhu } })).status).toBe(403);
  });

  it('keeps the Idempotency-Key as POST /demand-lists does: the same workbook answers the same list, another one 409; a dry run uses no key', async () => {
    const key = 'hefei-import-2026q4';
    expect((await upload(hefeiManager, { idempotencyKey: key, query: '?dryRun=true' })).status).toBe(200);
    const first = await upload(hefeiManager, { idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await upload(hefeiManager, { idempotencyKey: key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await ctx.sql(`SELECT count(*)::int AS n FROM demand_list WHERE idempotency_key = $1`, [key])).toEqual([{ n: 1 }]);
    const other = await upload(hefeiManager, { idempotencyKey: key }, await list('另一项需求'));
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('shows the contact to the zone, its desk and coordinators; never to another zone or another desk; not to viewers', async () => {
    const filed = await upload(hefeiManager, {}, await list('对接园区贷', '0551-63571234'));
    const ticketId = filed.body.tickets[0].id;
    await ctx.waitFor(async () => (await ctx.sql(`SELECT status FROM ticket WHERE id = $1`, [ticketId]))[0].status === 'routed', 15_000, 'routed');
    const contactAs = async (token: string) => {
      const res = await ctx.request('GET', `/api/v1/tickets/${ticketId}`, { token });
      return res.status === 200 ? [res.body.contactName, res.body.contactPhone] : res.status;
    };
    for (const token of [hefeiManager, financeDesk, coordinator]) expect(await contactAs(token)).toEqual(['张伟', '0551-63571234']);
    expect(await contactAs(wuhuManager)).toBe(404);
    expect(await contactAs(trainingDesk)).toBe(404);
    expect(await contactAs(viewer)).toEqual([null, null]);
    const listed = await ctx.request('GET', `/api/v1/tickets?demandListId=${filed.body.id}`, { token: viewer });
    expect(listed.body.items.map((t: Record<string, unknown>) => [t.contactName, t.contactPhone])).toEqual([[null, null]]);
  });

  it('takes the contact in POST /demand-lists too, by the same rules', async () => {
    const post = (item: Record<string, unknown>) =>
      ctx.request('POST', '/api/v1/demand-lists', { token: hefeiManager, body: { title: '清单', items: [{ type: 'media', title: '宣传片', ...item }] } });
    const filed = await post({ contactName: '王芳', contactPhone: '+86 139 0000 0004' });
    expect(filed.status).toBe(201);
    const ticket = await ctx.request('GET', `/api/v1/tickets/${filed.body.tickets[0].id}`, { token: hefeiManager });
    expect(ticket.body).toMatchObject({ contactName: '王芳', contactPhone: '+86 139 0000 0004' });
    const bad = await post({ contactPhone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'items.0.contactPhone', rule: 'matches' })]);
  });

  it('serves the template: the list sheet with a drop-down of the six actions, the instructions; filled in, it imports', async () => {
    const res = await fetch(`${ctx.baseUrl}/api/v1/demand-lists/template.xlsx`, { headers: { authorization: `Bearer ${hefeiManager}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('需求清单模板.xlsx')}`);
    const workbook = await readTestWorkbook(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['需求清单', '填写说明']);
    const sheet = workbook.getWorksheet('需求清单')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '类别', '需求名称', '具体内容', '标签', '期望完成时间', '联系人', '联系电话']);
    for (const cell of ['B2', 'B501']) {
      expect(sheet.getCell(cell).dataValidation).toMatchObject({ type: 'list', formulae: ['"媒体进园区,金融进园区,培训进园区,外商进园区,非公党建进园区,精准服务进园区"'] });
    }
    // Typed into the empty template, a phone number stays text and a date is a date.
    expect([sheet.getCell('H100').numFmt, sheet.getCell('C100').numFmt, sheet.getCell('F100').numFmt]).toEqual(['@', '@', 'yyyy-mm-dd']);
    expect(workbook.getWorksheet('填写说明')!.getColumn(1).values).toEqual(expect.arrayContaining(['类别', '需求名称', '使用自己的表格']));

    sheet.addRow([1, '精准服务进园区', '产业链问诊', null, '新能源汽车', new Date(Date.UTC(2026, 11, 1)), '赵强', '13900000005']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const filed = await upload(hefeiManager, { fields: { title: '用模板填写的清单' } }, filled);
    expect(filed.status).toBe(201);
    expect(await ctx.sql(`SELECT type, title, tags, desired_by::text, contact_phone FROM ticket WHERE demand_list_id = $1`, [filed.body.id])).toEqual([
      { type: 'precision_service', title: '产业链问诊', tags: ['新能源汽车'], desired_by: '2026-12-01', contact_phone: '13900000005' },
    ]);
  });
});
