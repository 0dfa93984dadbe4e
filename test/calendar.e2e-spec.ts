import { CalendarService } from '@enterpark/calendar';
import { TestContext } from '@enterpark/testing';

/** Test data for a year the package does not know, not the State Council's 2027 calendar. */
const DAYS_2027 = [
  { day: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => ({ day: `2027-02-${d}`, kind: 'holiday', name: '春节' })),
  { day: '2027-02-20', kind: 'workday', name: '春节' },
];

describe('coordinators keep the working-day calendar', () => {
  let ctx: TestContext;
  let token: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, env: { CALENDAR_IGNORE_PACKAGE_YEARS: '2027' } });
    token = await ctx.coordinatorToken();
  });
  afterAll(() => ctx.close());

  const calendarRows = async () => {
    const [row] = await ctx.sql(`SELECT (SELECT count(*)::int FROM calendar_year) AS years, (SELECT count(*)::int FROM calendar_day) AS days`);
    return row as { years: number; days: number };
  };

  it('shows Spring Festival 2026 from the package to any authenticated role', async () => {
    const { token: staffToken } = await ctx.newUser('desk_staff', { desks: ['media'] });
    const res = await ctx.request('GET', '/api/v1/calendar/2026', { token: staffToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, known: true, source: 'package' });
    expect(res.body.holidays).toContainEqual({ day: '2026-02-16', name: '春节' });
    expect(res.body.workdays).toEqual(expect.arrayContaining([{ day: '2026-02-14', name: '春节' }, { day: '2026-02-28', name: '春节' }]));
  });

  it('says 2027 is missing until it is published', async () => {
    const res = await ctx.request('GET', '/api/v1/calendar/2027', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2027, known: false, source: 'missing', holidays: [], workdays: [] });
  });

  it('refuses a publication by desk staff and writes nothing', async () => {
    const { token: staffToken } = await ctx.newUser('desk_staff', { desks: ['media'] });
    const before = await calendarRows();
    const res = await ctx.request('PUT', '/api/v1/calendar/2027', { token: staffToken, body: { days: DAYS_2027 } });
    expect(res.status).toBe(403);
    expect(await calendarRows()).toEqual(before);
  });

  it('publishes 2027: the year view shows it and deadlines cross into it', async () => {
    const put = await ctx.request('PUT', '/api/v1/calendar/2027', { token, body: { days: DAYS_2027 } });
    expect(put.status).toBe(200);
    const expected = {
      year: 2027,
      known: true,
      source: 'published',
      holidays: [{ day: '2027-01-01', name: '元旦' }, ...['08', '09', '10', '11', '12'].map((d) => ({ day: `2027-02-${d}`, name: '春节' }))],
      workdays: [{ day: '2027-02-20', name: '春节' }],
    };
    expect(put.body).toEqual(expected);
    expect((await ctx.request('GET', '/api/v1/calendar/2027', { token })).body).toEqual(expected);
    const calendar = await ctx.api.get(CalendarService).current();
    // Monday 2026-12-28 + 5: Dec 29, 30, 31, then Jan 1 2027 is a holiday: Jan 4 and 5.
    expect(calendar.addWorkingDays(new Date('2026-12-28T10:00:00+08:00'), 5)).toEqual(new Date('2027-01-05T16:00:00Z'));
    expect(calendar.isWorkday('2027-02-20')).toBe(true);
  });

  it('replaces the year on a second publication', async () => {
    const res = await ctx.request('PUT', '/api/v1/calendar/2027', { token, body: { days: [{ day: '2027-10-01', kind: 'holiday', name: '国庆节' }] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'published', holidays: [{ day: '2027-10-01', name: '国庆节' }], workdays: [] });
    const rows = await ctx.sql(`SELECT day::text AS day, kind, name FROM calendar_day ORDER BY day`);
    expect(rows).toEqual([{ day: '2027-10-01', kind: 'holiday', name: '国庆节' }]);
  });

  it('marks a corrected package year as package+overrides', async () => {
    const res = await ctx.request('PUT', '/api/v1/calendar/2026', { token, body: { days: [{ day: '2026-03-16', kind: 'holiday', name: '临时假日' }] } });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('package+overrides');
    expect(res.body.holidays).toContainEqual({ day: '2026-03-16', name: '临时假日' });
    expect(res.body.holidays).toContainEqual({ day: '2026-02-16', name: '春节' });
  });

  const day = (i: number) => `2028-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const cases: { name: string; path: string; body?: unknown; field: string; method?: string }[] = [
    { name: 'year 1999', path: '/api/v1/calendar/1999', field: 'year' },
    { name: 'year 2101', path: '/api/v1/calendar/2101', field: 'year' },
    { name: 'a year that is not a number', path: '/api/v1/calendar/20x6', field: 'year' },
    { name: 'a fractional year', path: '/api/v1/calendar/2026.5', field: 'year' },
    { name: 'year 1999 on PUT', path: '/api/v1/calendar/1999', method: 'PUT', body: { days: [] }, field: 'year' },
    { name: 'a day outside the year', path: '/api/v1/calendar/2028', method: 'PUT', body: { days: [{ day: '2029-01-01', kind: 'holiday', name: '元旦' }] }, field: 'days.0.day' },
    { name: 'an impossible date', path: '/api/v1/calendar/2028', method: 'PUT', body: { days: [{ day: '2028-02-30', kind: 'holiday', name: '假日' }] }, field: 'days.0.day' },
    { name: "kind 'x'", path: '/api/v1/calendar/2028', method: 'PUT', body: { days: [{ day: '2028-01-03', kind: 'x', name: '假日' }] }, field: 'days.0.kind' },
    { name: 'a name over 50 characters', path: '/api/v1/calendar/2028', method: 'PUT', body: { days: [{ day: '2028-01-03', kind: 'holiday', name: '假'.repeat(51) }] }, field: 'days.0.name' },
    { name: '101 days', path: '/api/v1/calendar/2028', method: 'PUT', body: { days: Array.from({ length: 101 }, (_, i) => ({ day: day(i), kind: 'holiday', name: '假日' })) }, field: 'days' },
    {
      name: 'duplicate days',
      path: '/api/v1/calendar/2028',
      method: 'PUT',
      body: { days: [{ day: '2028-01-03', kind: 'holiday', name: '假日' }, { day: '2028-01-03', kind: 'workday', name: '补班' }] },
      field: 'days.1.day',
    },
    { name: 'no days at all', path: '/api/v1/calendar/2028', method: 'PUT', body: {}, field: 'days' },
  ];

  it.each(cases)('answers 400 naming the field for $name and writes nothing', async ({ path, method, body, field }) => {
    const before = await calendarRows();
    const res = await ctx.request(method ?? 'GET', path, { token, body });
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual(expect.objectContaining({ field }));
    expect(await calendarRows()).toEqual(before);
  });
});
