import { bayesianRating, MatchNeed, RankableProvider, rankCandidates } from './ranking';

const NEED: MatchNeed = { type: 'finance', tags: ['园区贷', '产业基金'], city: '合肥市', province: '安徽省' };

function provider(id: string, overrides: Partial<RankableProvider> = {}): RankableProvider {
  return {
    id,
    active: true,
    serviceTypes: ['finance'],
    capacity: 10,
    activeMatches: 0,
    cities: [],
    province: '安徽省',
    tags: [],
    ratingSum: 0,
    ratingCount: 0,
    ...overrides,
  };
}

const order = (providers: RankableProvider[], proposed: string[] = []) => rankCandidates(NEED, providers, new Set(proposed)).map((c) => c.providerId);

describe('rankCandidates', () => {
  // Each case: the winner `a` is better on the criterion under test, ties on every earlier
  // one and is worse on every later one (and on id), so only that criterion can decide.
  it.each<[string, Partial<RankableProvider>, Partial<RankableProvider>]>([
    ['region: serves the zone\'s city over the same province', { cities: ['合肥市'] }, { tags: ['园区贷', '产业基金'], ratingSum: 50, ratingCount: 10 }],
    ['region: same province over another province', { province: '安徽省' }, { province: '山东省', cities: ['临沂市'], tags: ['园区贷'], ratingSum: 50, ratingCount: 10 }],
    ['tags: more of the ticket\'s tags', { tags: ['园区贷', '产业基金', '担保'] }, { tags: ['园区贷'], ratingSum: 50, ratingCount: 10 }],
    ['tags: compared without case or surrounding spaces', { tags: [' 园区贷 '] }, { tags: ['贷款'], ratingSum: 50, ratingCount: 10 }],
    ['rating: higher Bayesian mean', { ratingSum: 45, ratingCount: 10, activeMatches: 9 }, { ratingSum: 30, ratingCount: 10 }],
    ['rating: ten 4s beat a single 5 (the prior weighs in)', { ratingSum: 40, ratingCount: 10, activeMatches: 9 }, { ratingSum: 5, ratingCount: 1 }],
    ['load: lower open matches per capacity', { activeMatches: 1, capacity: 10 }, { activeMatches: 1, capacity: 5 }],
    ['id: the last resort, ascending', {}, {}],
  ])('%s', (_name, better, worse) => {
    const a = provider('00000000-0000-4000-8000-00000000000a', better);
    const b = provider('00000000-0000-4000-8000-000000000009', worse);
    const expected = _name.startsWith('id') ? [b.id, a.id] : [a.id, b.id];
    expect(order([b, a])).toEqual(expected);
    expect(order([a, b])).toEqual(expected);
  });

  it.each<[string, Partial<RankableProvider>, string[]]>([
    ['at capacity', { activeMatches: 10, capacity: 10 }, []],
    ['inactive', { active: false }, []],
    ['not serving the type', { serviceTypes: ['media'] }, []],
    ['already proposed for this ticket (declined, expired or withdrawn)', {}, ['00000000-0000-4000-8000-000000000001']],
  ])('leaves out a provider %s', (_name, overrides, proposed) => {
    const excluded = provider('00000000-0000-4000-8000-000000000001', { cities: ['合肥市'], ...overrides });
    const other = provider('00000000-0000-4000-8000-000000000002');
    expect(order([excluded, other], proposed)).toEqual([other.id]);
  });

  it('answers nobody when nobody is left', () => {
    expect(order([provider('00000000-0000-4000-8000-000000000001', { activeMatches: 3, capacity: 3 })])).toEqual([]);
  });

  it('gives the reasons of each candidate', () => {
    const [ranked] = rankCandidates(NEED, [provider('p1', { cities: ['合肥市'], tags: ['园区贷'], ratingSum: 9, ratingCount: 2, activeMatches: 1, capacity: 4 })], new Set());
    expect(ranked.reasons).toEqual({ regionFit: 2, tagOverlap: 1, rating: 3.75, load: 0.25 });
  });

  it('starts a provider without ratings at the prior mean of 3', () => {
    expect(bayesianRating(0, 0)).toBe(3);
    expect(bayesianRating(5, 1)).toBeCloseTo(11 / 3);
  });
});
