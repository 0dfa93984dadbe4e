import { parseIsoWeek } from '@enterpark/common';
import { weekParams } from './period-sql';

describe('week placeholders', () => {
  const week = parseIsoWeek('2026-W47')!;

  it('numbers only the placeholders a query uses, after its own parameters', () => {
    expect(weekParams('a = $1 AND t >= $start AND d < $endDay AND t >= $start', week, 2)).toEqual({
      sql: 'a = $1 AND t >= $2 AND d < $3 AND t >= $2',
      params: [week.startsAt, '2026-11-23'],
    });
    expect(weekParams('t < $end AND t >= $start', week, 1)).toEqual({ sql: 't < $1 AND t >= $2', params: [week.endsAt, week.startsAt] });
  });
});
