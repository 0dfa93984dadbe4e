import { parseIsoWeek } from '@enterpark/common';
import { weeksDue } from './digest-run.service';

const at = (week: string, offsetMs = 9 * 3600 * 1000) => new Date(parseIsoWeek(week)!.startsAt.getTime() + offsetMs);
const LONG_AGO = at('2025-W10');

describe('weeksDue', () => {
  it.each([
    ['nothing planned yet: the last finished week and DIGEST_CATCHUP_WEEKS before it', at('2026-W48'), null, LONG_AGO, 4, ['2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']],
    ['nothing planned yet, no catch-up: the last finished week only', at('2026-W48'), null, LONG_AGO, 0, ['2026-W47']],
    ['the last finished week is planned: nothing', at('2026-W48'), '2026-W47', LONG_AGO, 4, []],
    ['a trigger later in the same week: nothing', at('2026-W48', 5 * 86_400_000), '2026-W47', LONG_AGO, 4, []],
    ['weeks missed while down: each of them', at('2026-W48'), '2026-W44', LONG_AGO, 4, ['2026-W45', '2026-W46', '2026-W47']],
    ['a long outage: no more than the catch-up allows', at('2026-W48'), '2026-W30', LONG_AGO, 4, ['2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']],
    ['not before the first account existed', at('2026-W48'), null, at('2026-W46', 3 * 86_400_000), 4, ['2026-W46', '2026-W47']],
    ['the first account is from this week: nothing', at('2026-W48'), null, at('2026-W48', 3600 * 1000), 4, []],
    ['across a year with 53 weeks', at('2027-W01'), '2026-W51', LONG_AGO, 4, ['2026-W52', '2026-W53']],
    ['Sunday 23:59 in Shanghai: the week is not over', at('2026-W48', 7 * 86_400_000 - 60_000), '2026-W47', LONG_AGO, 4, []],
    ['Monday 00:00 in Shanghai: it is', at('2026-W49', 0), '2026-W47', LONG_AGO, 4, ['2026-W48']],
  ])('%s', (_, now, newestPlanned, firstAccount, catchupWeeks, expected) => {
    expect(weeksDue({ now, newestPlanned, firstAccount, catchupWeeks }).map((w) => w.id)).toEqual(expected);
  });
});
