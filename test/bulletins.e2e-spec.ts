import JSZip from 'jszip';
import { IssueBulletinService } from '@enterpark/bulletins';
import { HttpResponse, readTestWorkbook, TestClock, TestContext, TestSmtpServer } from '@enterpark/testing';

const at = (local: string) => new Date(`${local}+08:00`);
const TITLE = '全省"进园区"服务工作情况通报（2026年11月）';

/** A downloaded .docx opened as a zip, with the text of word/document.xml, runs joined by |. */
async function docText(res: Response): Promise<{ zip: JSZip; text: string }> {
  const zip = await JSZip.loadAsync(await res.arrayBuffer());
  const xml = await zip.file('word/document.xml')!.async('string');
  return { zip, text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|').replace(/&quot;/g, '"') };
}

/**
 * 一月一通报 for November 2026, on a test clock: tickets filed and handled through the API in
 * November; on Tuesday 1 December (the first working day) at 09:00 the bulletin is issued once
 * under concurrent triggers, mailed with its .docx, and stays as issued when tickets change.
 */
describe('bulletins', () => {
  const clock = new TestClock(at('2026-11-03T09:00:00')); // a Tuesday: not the first working day of November
  let ctx: TestContext;
  let smtp: TestSmtpServer;
  const users = {} as Record<'hefei' | 'wuhu' | 'finance' | 'viewer', { token: string; email: string }>;
  let coordinator: string;
  let wuhuTicket: string;

  const get = (path: string, token = coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  async function post(path: string, token: string, body: unknown = {}): Promise<HttpResponse> {
    const res = await ctx.request('POST', `/api/v1${path}`, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
  const download = (path: string, token = coordinator) => fetch(`${ctx.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const waitStatus = (id: string, status: string) => ctx.waitFor(async () => (await get(`/tickets/${id}`)).body.status === status, 10_000, `${id} ${status}`);

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await TestContext.create({ clock, env: { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50' } });
    const hefeiZone = (await ctx.newZone({ name: '合肥经开区', level: 'national' })).id;
    const wuhuZone = (await ctx.newZone({ name: '芜湖经开区', level: 'provincial', city: '芜湖市' })).id;
    const user = async (key: keyof typeof users, made: Promise<{ user: { email: string }; token: string }>) => {
      const m = await made;
      users[key] = { token: m.token, email: m.user.email };
    };
    await user('hefei', ctx.newUser('zone_manager', { zoneId: hefeiZone }));
    await user('wuhu', ctx.newUser('zone_manager', { zoneId: wuhuZone }));
    await user('finance', ctx.newUser('desk_staff', { desks: ['finance'] }));
    await user('viewer', ctx.newUser('viewer'));
    await ctx.newUser('desk_staff', { desks: ['media'] });
    coordinator = await ctx.coordinatorToken();
    await post('/providers', coordinator, { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, email: 'loans@hsbank.example.cn' });

    const list = await post('/demand-lists', users.hefei.token, {
      title: '合肥清单',
      items: [{ type: 'finance', title: '园区贷' }, { type: 'finance', title: '误分事项' }, { type: 'media', title: '宣传片', desiredBy: '2026-11-20' }],
    });
    const [served, returned, overdue] = list.body.tickets.map((t: { id: string }) => t.id);
    wuhuTicket = (await post('/demand-lists', users.wuhu.token, { title: '芜湖清单', items: [{ type: 'finance', title: '外贸融资' }] })).body.tickets[0].id;
    for (const id of [served, returned, overdue, wuhuTicket]) await waitStatus(id, 'routed');
    await post(`/tickets/${returned}/return`, users.finance.token, { reason: '不属于金融服务' });
    await post(`/tickets/${served}/accept`, users.finance.token);
    const proposal = await ctx.waitFor(async () => (await get(`/tickets/${served}/matches`)).body.items.find((m: { status: string }) => m.status === 'proposed'));
    await post(`/matches/${proposal.id}/accept`, users.finance.token);
    clock.set(at('2026-11-05T10:00:00'));
    await post(`/tickets/${served}/activities`, users.finance.token, { date: '2026-11-05', kind: 'visit', notes: '走访' });
    await post(`/tickets/${served}/complete`, users.finance.token, { outcome: '授信 1000 万元' });
    await post(`/tickets/${served}/confirm`, users.hefei.token, { rating: 2, solved: true });
    // 问题归集: both zones' financing demands handled as one problem, resolved within the month.
    const problem = await post('/problems', coordinator, { title: '园区企业融资难', ticketIds: [served, wuhuTicket] });
    expect(problem.status).toBe(201);
    clock.set(at('2026-11-06T10:00:00'));
    expect((await post(`/problems/${problem.body.id}/resolve`, coordinator, { resolution: '省厅协调徽商银行推出园区贷专项产品' })).status).toBe(200);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('lets coordinators draft the current month; others may not, and an unfinished month cannot be issued', async () => {
    const draft = await download('/bulletins/preview.docx?period=2026-11');
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-type')).toContain('wordprocessingml');
    for (const token of [users.hefei.token, users.viewer.token, users.finance.token]) expect((await download('/bulletins/preview.docx?period=2026-11', token)).status).toBe(403);
    const early = await ctx.request('POST', '/api/v1/bulletins', { token: coordinator, body: { period: '2026-11' } });
    expect(early.status).toBe(422);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'period', rule: 'hasEnded' })]);
    for (const period of ['2026', '2026-13', 'november']) {
      const bad = await ctx.request('POST', '/api/v1/bulletins', { token: coordinator, body: { period } });
      expect([bad.status, bad.body.details?.[0]?.field]).toEqual([400, 'period']);
    }
    expect((await ctx.request('POST', '/api/v1/bulletins', { token: users.viewer.token, body: { period: '2026-10' } })).status).toBe(403);
  });

  it('is issued exactly once on the first working day at 09:00, whatever triggers it together, and mailed to coordinators, viewers and zone managers', async () => {
    clock.set(at('2026-12-01T08:59:00'));
    const service = ctx.worker!.get(IssueBulletinService);
    expect(await service.issueDue()).toEqual([]); // before 09:00
    clock.set(at('2026-12-01T09:00:00'));
    const results = await Promise.all([service.issueDue(), service.issueDue(), post('/bulletins', coordinator, { period: '2026-11' }), post('/bulletins', coordinator, { period: '2026-11' })]);
    const created = [results[0].length, results[1].length, results[2].body.created ? 1 : 0, results[3].body.created ? 1 : 0];
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await service.issueDue()).toEqual([]); // a re-run
    expect(await ctx.sql(`SELECT period, kind FROM bulletin`)).toEqual([{ period: '2026-11', kind: 'month' }]);

    const recipients: { email: string }[] = await ctx.sql(`SELECT email FROM app_user WHERE role IN ('coordinator', 'viewer', 'zone_manager') AND active`);
    expect(recipients.map((r) => r.email)).toEqual(expect.arrayContaining([users.hefei.email, users.wuhu.email, users.viewer.email]));
    const rows = await ctx.sql(`SELECT count(*)::int AS n FROM mail_message WHERE kind = 'bulletin'`);
    expect(rows[0].n).toBe(recipients.length);
    const mails = await ctx.waitFor(async () => {
      const got = smtp.received.filter((m) => m.parsed.subject === TITLE);
      return got.length >= recipients.length ? got : null;
    }, 20_000);
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual(recipients.map((r) => r.email).sort());
    expect(mails.some((m) => m.envelopeTo.includes(users.finance.email))).toBe(false);
    for (const m of mails) {
      expect(m.parsed.attachments).toEqual([expect.objectContaining({ filename: '全省“进园区”服务工作情况通报（2026年11月）.docx', disposition: 'attachment' })]);
    }
  });

  it('lists it for every role and answers its frozen figures', async () => {
    const list = await get('/bulletins', users.hefei.token);
    expect(list.body.items).toEqual([expect.objectContaining({ period: '2026-11', kind: 'month', label: '2026年11月', title: TITLE })]);
    const b = (await get('/bulletins/2026-11', users.wuhu.token)).body;
    expect(b.content.overview).toMatchObject({ submitted: 4, completed: 1, completionRate: 0.25, returnRate: 0.25, satisfactionRate: 0 });
    expect(b.content.zones.map((z: { name: string; rank: number; completionRate: number }) => [z.name, z.rank, z.completionRate])).toEqual([
      ['合肥经开区', 1, 0.3333],
      ['芜湖经开区', 2, 0],
    ]);
    expect(b.content.actions.map((a: { type: string; submitted: number }) => [a.type, a.submitted]).slice(0, 2)).toEqual([['media', 1], ['finance', 3]]);
    expect(b.content.problems.overdue).toMatchObject({ count: 1, items: [expect.objectContaining({ title: '宣传片', zoneName: '合肥经开区' })] });
    expect(b.content.problems.returned).toMatchObject({ count: 1, items: [expect.objectContaining({ title: '误分事项', note: '退单：不属于金融服务' })] });
    expect(b.content.problems.lowestRated).toMatchObject({ count: 1, items: [expect.objectContaining({ title: '园区贷', note: '评分 2 分' })] });
    expect(b.content.problems.escalated.count).toBe(0);
    expect(b.content.problemRecords).toEqual({
      created: 1,
      resolved: 1,
      open: 0,
      lines: [{ title: '园区企业融资难', zones: expect.stringMatching(/^(合肥经开区 1、芜湖经开区 1|芜湖经开区 1、合肥经开区 1)$/), ticketCount: 2, status: '已办结', resolution: '省厅协调徽商银行推出园区贷专项产品' }],
    });
    expect((await get('/bulletins/2026-10')).status).toBe(404);
  });

  it('stays as issued when tickets change later, while a new draft shows the change', async () => {
    const before = (await get('/bulletins/2026-11')).body.content;
    clock.set(at('2026-12-02T10:00:00'));
    await post(`/tickets/${wuhuTicket}/cancel`, users.wuhu.token, { reason: '企业已自行解决' });
    expect((await get('/bulletins/2026-11')).body.content).toEqual(before);
    const again = await post('/bulletins', coordinator, { period: '2026-11' });
    expect(again.body.created).toBe(false);
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM mail_message WHERE kind = 'bulletin'`))[0].n).toBe((await ctx.sql(`SELECT count(*)::int AS n FROM app_user WHERE role IN ('coordinator', 'viewer', 'zone_manager')`))[0].n);
    const draft = await docText(await download('/bulletins/preview.docx?period=2026-11'));
    expect(draft.text).toContain(`${TITLE}（草稿）`);
    expect(draft.text).toContain('—|芜湖经开区|0|0|—'); // its one ticket was cancelled: nothing filed, unranked
    expect((await docText(await download('/bulletins/2026-11.docx'))).text).toContain('2|芜湖经开区|1|0|0.0%');
  });

  it('renders the issued .docx in 公文 style with the title, the league table, the sections and the chart', async () => {
    const res = await download('/bulletins/2026-11.docx', users.viewer.token);
    expect(res.status).toBe(200);
    const { zip, text } = await docText(res);
    expect(text).toContain(TITLE);
    for (const heading of ['一、总体情况', '二、园区排名', '三、各项行动', '四、存在问题', '五、问题归集']) expect(text).toContain(heading);
    expect(text).toContain('本期新归集问题1个，办结1个，期末尚在办理0个');
    expect(text).toContain('园区企业融资难');
    expect(text).toContain('省厅协调徽商银行推出园区贷专项产品');
    expect(text).toContain('1|合肥经开区|3|1|33.3%');
    expect(text).toContain('2|芜湖经开区|1|0|0.0%');
    expect(text).toContain('办结率25.0%');
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(1);
  });

  it('gives the bulletin\'s tables as a workbook', async () => {
    const res = await download('/bulletins/2026-11.xlsx', users.hefei.token);
    expect(res.status).toBe(200);
    const book = await readTestWorkbook(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['总体情况', '园区排名', '存在问题', '问题归集']);
    expect(book.getWorksheet('问题归集')!.getRow(2).getCell(1).value).toBe('园区企业融资难');
    const zones = book.getWorksheet('园区排名')!;
    expect([zones.getRow(2).getCell(2).value, zones.getRow(2).getCell(5).value, zones.getRow(2).getCell(5).numFmt]).toEqual(['合肥经开区', 0.3333, '0.0%']);
  });
});
