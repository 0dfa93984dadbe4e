import { lastEndedPeriod, parseReportPeriod } from './report-period';

const at = (local: string) => new Date(`${local}+08:00`);

describe('parseReportPeriod', () => {
  it.each([
    ['2026-11', 'month', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z', '2026年11月'],
    ['2026-12', 'month', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026年12月'],
    ['2026-Q4', 'quarter', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026年第四季度'],
    ['2026', 'year', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026年'],
  ])('%s is a %s in Asia/Shanghai', (id, kind, startsAt, endsAt, label) => {
    const p = parseReportPeriod(id)!;
    expect([p.kind, p.startsAt.toISOString(), p.endsAt.toISOString(), p.label]).toEqual([kind, startsAt, endsAt, label]);
  });

  it.each(['2026-13', '2026-00', '2026-Q0', '2026-Q5', '26-11', '2026-W47', '2026-1', ''])('refuses %j', (id) => {
    expect(parseReportPeriod(id)).toBeNull();
  });
});

describe('lastEndedPeriod', () => {
  it.each([
    ['2026-12-01T09:00:00', 'month', '2026-11'],
    ['2026-01-01T00:00:00', 'month', '2025-12'],
    ['2026-12-31T23:59:00', 'month', '2026-11'],
    ['2026-10-09T09:00:00', 'quarter', '2026-Q3'],
    ['2026-01-05T09:00:00', 'quarter', '2025-Q4'],
  ] as const)('at %s the last %s is %s', (now, kind, id) => {
    expect(lastEndedPeriod(at(now), kind).id).toBe(id);
  });
});
