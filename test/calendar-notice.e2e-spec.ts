import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestContext } from '@enterpark/testing';
import { NOTICE_2031 } from './fixtures/calendar-notices';

const officialNotice = (year: number) => readFileSync(join(__dirname, '..', 'libs', 'calendar', 'src', 'domain', 'fixtures', `notice-${year}.txt`), 'utf8');

const range = (month: string, from: number, to: number, name: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ day: `2031-${month}-${String(from + i).padStart(2, '0')}`, kind: 'holiday', name }));
const workday = (day: string, name: string) => ({ day, kind: 'workday', name });
const DAYS_2031 = [
  ...range('01', 1, 1, '元旦'),
  workday('2031-01-19', '春节'),
  ...range('01', 22, 29, '春节'),
  workday('2031-02-08', '春节'),
  workday('2031-09-28', '国庆节'),
  ...range('10', 1, 8, '国庆节'),
  workday('2031-10-11', '国庆节'),
];

describe('coordinators publish a year from the State Council notice', () => {
  let ctx: TestContext;
  let token: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    token = await ctx.coordinatorToken();
  });
  afterAll(() => ctx.close());

  const postNotice = (year: number, body: unknown, as = token) => ctx.request('POST', `/api/v1/calendar/${year}/notice`, { token: as, body });

  it('previews the published 2026 notice without changing anything', async () => {
    const before = await ctx.rowCounts();
    const res = await postNotice(2026, { text: officialNotice(2026) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, applied: false });
    expect(res.body.days).toHaveLength(39);
    expect(res.body.days.filter((d: { name: string }) => d.name === '春节')).toEqual([
      { day: '2026-02-14', kind: 'workday', name: '春节' },
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({ day: `2026-02-${d}`, kind: 'holiday', name: '春节' })),
      { day: '2026-02-28', kind: 'workday', name: '春节' },
    ]);
    expect(await ctx.rowCounts()).toEqual(before);
  });

  it('previews a notice for a year to come: nothing is published', async () => {
    const before = await ctx.rowCounts();
    const yearBefore = (await ctx.request('GET', '/api/v1/calendar/2031', { token })).body;
    const res = await postNotice(2031, { text: NOTICE_2031, apply: false });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2031, days: DAYS_2031, applied: false });
    expect(await ctx.rowCounts()).toEqual(before);
    expect((await ctx.request('GET', '/api/v1/calendar/2031', { token })).body).toEqual(yearBefore);
  });

  it('applies it as PUT /calendar/:year does: the notice replaces what was published', async () => {
    const put = await ctx.request('PUT', '/api/v1/calendar/2031', { token, body: { days: [{ day: '2031-03-03', kind: 'holiday', name: '临时假日' }] } });
    expect(put.status).toBe(200);

    const res = await postNotice(2031, { text: NOTICE_2031, apply: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2031, days: DAYS_2031, applied: true });

    const rows = await ctx.sql(`SELECT day::text AS day, kind, name FROM calendar_day WHERE day BETWEEN '2031-01-01' AND '2031-12-31' ORDER BY day`);
    expect(rows).toEqual(DAYS_2031);
    const [year] = await ctx.sql(`SELECT published_by FROM calendar_year WHERE year = 2031`);
    const me = await ctx.request('GET', '/api/v1/me', { token });
    expect(year.published_by).toBe(me.body.id);

    const view = await ctx.request('GET', '/api/v1/calendar/2031', { token });
    expect(view.body).toMatchObject({ year: 2031, known: true });
    expect(view.body.holidays).toEqual(expect.arrayContaining([{ day: '2031-01-01', name: '元旦' }, { day: '2031-01-29', name: '春节' }, { day: '2031-10-08', name: '国庆节' }]));
    expect(view.body.holidays).not.toContainEqual({ day: '2031-03-03', name: '临时假日' });
    expect(view.body.workdays).toEqual(expect.arrayContaining(['2031-01-19', '2031-02-08', '2031-09-28', '2031-10-11'].map((day) => ({ day, name: day < '2031-09-01' ? '春节' : '国庆节' }))));
  });

  it.each(['desk_staff', 'viewer', 'zone_manager'] as const)('answers 403 to %s and writes nothing', async (role) => {
    const zoneId = role === 'zone_manager' ? (await ctx.newZone()).id : undefined;
    const { token: other } = await ctx.newUser(role, { desks: role === 'desk_staff' ? ['media'] : undefined, zoneId });
    const before = await ctx.rowCounts();
    const res = await postNotice(2032, { text: NOTICE_2031.replaceAll('2031', '2032'), apply: true }, other);
    expect(res.status).toBe(403);
    expect(await ctx.rowCounts()).toEqual(before);
  });

  it('answers 422 for a notice of another year than the path, even with apply', async () => {
    const before = await ctx.rowCounts();
    const res = await postNotice(2026, { text: officialNotice(2025), apply: true });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', code: 'CALENDAR_NOTICE_YEAR_MISMATCH', year: 2026, noticeYear: 2025 });
    expect(res.body.message).toContain('这是 2025 年的放假通知');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'text', rule: 'sameYear' })]);
    expect(await ctx.rowCounts()).toEqual(before);
  });

  it.each([
    ['text that is no notice', '请各园区于本周五前提交需求清单。', '找不到通知的年份', undefined],
    ['a notice with a date it cannot read', NOTICE_2031.replace('10月11日（周六）', '10月11日（周日）'), '「10月11日(周日)」与日期不符', 6],
  ])('answers 422 naming what could not be read in %s', async (_what, text, reason, line) => {
    const before = await ctx.rowCounts();
    const res = await postNotice(2031, { text, apply: true });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'CALENDAR_NOTICE_UNREADABLE', details: [expect.objectContaining({ field: 'text', rule: 'holidayNotice' })] });
    expect(res.body.message).toContain(reason);
    if (line) expect(res.body).toMatchObject({ line, section: '三、国庆节、中秋节' });
    expect(await ctx.rowCounts()).toEqual(before);
  });

  it.each([
    ['no text', {}, 'text'],
    ['a text that is not a string', { text: 2031 }, 'text'],
    ['a blank text', { text: '　 \n' }, 'text'],
    ['a text over 20,000 characters', { text: NOTICE_2031.padEnd(20_001, '。') }, 'text'],
    ['apply that is not a boolean', { text: NOTICE_2031, apply: 'yes' }, 'apply'],
  ])('answers 400 naming the field for %s and writes nothing', async (_what, body, field) => {
    const before = await ctx.rowCounts();
    const res = await postNotice(2031, body);
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual(expect.objectContaining({ field }));
    expect(await ctx.rowCounts()).toEqual(before);
  });
});
