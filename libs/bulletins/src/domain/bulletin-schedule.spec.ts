import { bulletinsDue } from './bulletin-schedule';

const at = (local: string) => new Date(`${local}+08:00`);
/** Weekends off, and 2026-10-01..08 (National Day) off. */
const isWorkday = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) && !(day >= '2026-10-01' && day <= '2026-10-08');

describe('bulletinsDue', () => {
  it.each([
    ['2026-12-01T09:00:00', ['2026-11']],
    ['2026-12-01T08:59:00', []],
    ['2026-12-02T09:00:00', []],
    ['2026-11-02T09:30:00', ['2026-10']], // 11-01 is a Sunday
    ['2026-10-09T09:00:00', ['2026-09', '2026-Q3']], // the first working day after the holiday starts Q4
    ['2026-10-08T10:00:00', []],
    ['2027-01-01T10:00:00', ['2026-12', '2026-Q4']], // a Friday, a working day by this calendar
  ])('at %s: %j', (now, ids) => {
    expect(bulletinsDue(at(now), isWorkday).map((p) => p.id)).toEqual(ids);
  });
});
