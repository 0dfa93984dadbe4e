import { assignInRankOrder, BatchTicket } from './batch-assignment';
import { RankableProvider } from './ranking';

function provider(id: string, overrides: Partial<RankableProvider> = {}): RankableProvider {
  return { id, active: true, serviceTypes: ['finance'], capacity: 1, activeMatches: 0, cities: [], province: '安徽省', tags: [], ratingSum: 0, ratingCount: 0, ...overrides };
}

function ticket(ticketId: string, overrides: Partial<BatchTicket> = {}): BatchTicket {
  return { ticketId, type: 'finance', tags: [], city: '合肥市', province: '安徽省', alreadyProposed: new Set(), ...overrides };
}

/** Each decision as `ticket→provider`, `ticket!` (escalate) or `ticket?` (unsettled); by default every provider is held. */
function decide(tickets: BatchTicket[], pool: RankableProvider[], held = pool.map((p) => p.id), skipped: string[] = []): string[] {
  return assignInRankOrder(tickets, pool, { held: new Set(held), skipped: new Set(skipped) }).map((d) => {
    if (d.kind === 'propose') return `${d.ticketId}→${d.candidate.providerId}`;
    return d.kind === 'escalate' ? `${d.ticketId}!` : `${d.ticketId}?`;
  });
}

describe('assignInRankOrder', () => {
  it('takes the tickets in order, each its best provider with a free place; the rest escalate', () => {
    const pool = [provider('a', { cities: ['合肥市'] }), provider('b')];
    expect(decide([ticket('t1'), ticket('t2'), ticket('t3')], pool)).toEqual(['t1→a', 't2→b', 't3!']);
  });

  it('fills a provider up to its free places, not beyond', () => {
    const pool = [provider('a', { cities: ['合肥市'], capacity: 3, activeMatches: 1 }), provider('b')];
    expect(decide([ticket('t1'), ticket('t2'), ticket('t3')], pool)).toEqual(['t1→a', 't2→a', 't3→b']);
  });

  it('counts the places taken before in the load (equal otherwise, the less loaded comes first)', () => {
    const pool = [provider('a', { capacity: 2 }), provider('b', { capacity: 2 })];
    const [first, second] = assignInRankOrder([ticket('t1'), ticket('t2')], pool, { held: new Set(['a', 'b']), skipped: new Set() });
    expect(first).toMatchObject({ kind: 'propose', candidate: { providerId: 'a', reasons: { load: 0 } } });
    expect(second).toMatchObject({ kind: 'propose', candidate: { providerId: 'b', reasons: { load: 0 } } });
  });

  it('never offers a provider the ticket had before', () => {
    const pool = [provider('a', { cities: ['合肥市'] }), provider('b')];
    expect(decide([ticket('t1', { alreadyProposed: new Set(['a']) }), ticket('t2')], pool)).toEqual(['t1→b', 't2→a']);
  });

  it('leaves a ticket whose best provider is not held unsettled, without taking its place', () => {
    const pool = [provider('a', { cities: ['合肥市'] }), provider('b')];
    expect(decide([ticket('t1'), ticket('t2')], pool, [])).toEqual(['t1?', 't2?']);
    expect(decide([ticket('t1'), ticket('t2')], pool, ['b'])).toEqual(['t1?', 't2?']);
    expect(decide([ticket('t1', { alreadyProposed: new Set(['a']) }), ticket('t2')], pool, ['b'])).toEqual(['t1→b', 't2?']);
  });

  it('passes over a provider held by another transaction, as SKIP LOCKED does; with only those left the ticket waits', () => {
    const pool = [provider('a', { cities: ['合肥市'] }), provider('b'), provider('c', { province: '山东省' })];
    expect(decide([ticket('t1'), ticket('t2'), ticket('t3')], pool, ['b'], ['a'])).toEqual(['t1→b', 't2?', 't3?']);
    expect(decide([ticket('t1'), ticket('t2')], pool.slice(0, 2), ['b'], ['a'])).toEqual(['t1→b', 't2?']);
  });

  it('does not change the pool it is given', () => {
    const pool = [provider('a')];
    decide([ticket('t1')], pool);
    expect(pool[0].activeMatches).toBe(0);
  });
});
