import { checkRankingWeights, DEFAULT_RANKING_WEIGHTS, RankingCounts, rankingScore, rankItems } from './ranking';

const counts = (id: string, c: Partial<RankingCounts>): RankingCounts => ({
  id,
  name: id,
  submitted: 0,
  completed: 0,
  completedOnTime: 0,
  confirmations: 0,
  satisfied: 0,
  returned: 0,
  workingDays: [],
  ...c,
});

describe('rankingScore', () => {
  it.each([
    ['every rate present', { completionRate: 1, onTimeRate: 1, satisfactionRate: 1, returnRate: 0 }, 100],
    ['the default weights', { completionRate: 0.5, onTimeRate: 0.5, satisfactionRate: 0.5, returnRate: 0.5 }, 50],
    ['nothing completed: on time and satisfaction left out', { completionRate: 0, onTimeRate: null, satisfactionRate: null, returnRate: 0 }, 25],
    ['nothing rated yet', { completionRate: 1, onTimeRate: 1, satisfactionRate: null, returnRate: 0 }, 100],
    ['nothing submitted', { completionRate: null, onTimeRate: null, satisfactionRate: null, returnRate: null }, null],
  ])('%s', (_case, rates, score) => {
    expect(rankingScore(rates, DEFAULT_RANKING_WEIGHTS)).toBe(score);
  });
});

describe('rankItems', () => {
  it('ranks by score, equal scores sharing a rank, the unscored last without one', () => {
    const items = rankItems(
      [counts('c', { submitted: 1 }), counts('empty', {}), counts('a', { submitted: 2, completed: 2, completedOnTime: 2, confirmations: 1, satisfied: 1, workingDays: [1, 2] }), counts('b', { submitted: 1 })],
      DEFAULT_RANKING_WEIGHTS,
    );
    expect(items.map((i) => [i.id, i.score, i.rank])).toEqual([
      ['a', 100, 1],
      ['b', 25, 2],
      ['c', 25, 2],
      ['empty', null, null],
    ]);
    expect(items[0]).toMatchObject({ completionRate: 1, avgWorkingDays: 1.5 });
    expect(items[3]).toMatchObject({ completionRate: null, onTimeRate: null, satisfactionRate: null, returnRate: null, avgWorkingDays: null });
  });
});

describe('checkRankingWeights', () => {
  it.each([
    [{ completion: 0.5, onTime: 0.5, satisfaction: 0.5, returns: 0 }, 'weights'],
    [{ completion: -0.1, onTime: 0.5, satisfaction: 0.5, returns: 0.1 }, 'completion'],
    [{ completion: 0.3333, onTime: 0.3333, satisfaction: 0.3334, returns: 0 }, 'completion'],
  ])('refuses %j naming %s', (weights, field) => {
    expect(() => checkRankingWeights(weights)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field })] }));
  });

  it('takes weights summing to 1 despite binary fractions', () => {
    expect(checkRankingWeights({ completion: 0.1, onTime: 0.2, satisfaction: 0.3, returns: 0.4 })).toEqual({ completion: 0.1, onTime: 0.2, satisfaction: 0.3, returns: 0.4 });
  });
});
