import { assignInTurn, Candidate, chooseAssignee } from './assignment';

const at = (iso: string) => new Date(iso);
const c = (userId: string, openTickets: number, lastAssignedAt: Date | null = null): Candidate => ({ userId, openTickets, lastAssignedAt });

describe('chooseAssignee', () => {
  it.each([
    ['nobody on the desk', [], null],
    ['the only member', [c('a', 9)], 'a'],
    ['fewest open tickets wins', [c('a', 3), c('b', 1), c('c', 2)], 'b'],
    ['tie: never assigned beats assigned', [c('a', 1, at('2026-11-20T08:00:00Z')), c('b', 1, null)], 'b'],
    ['tie: least recently assigned wins', [c('a', 1, at('2026-11-20T09:00:00Z')), c('b', 1, at('2026-11-20T08:00:00Z'))], 'b'],
    ['full tie: lowest id, deterministic', [c('b', 0), c('a', 0)], 'a'],
    ['load beats recency', [c('a', 2, null), c('b', 1, at('2026-11-21T00:00:00Z'))], 'b'],
  ])('%s', (_, candidates, expected) => {
    expect(chooseAssignee(candidates)?.userId ?? null).toBe(expected);
  });
});

describe('assignInTurn', () => {
  const now = at('2026-11-21T10:00:00Z');

  it('spreads a batch evenly, counting each assignment before the next', () => {
    const { assignees } = assignInTurn([c('a', 0), c('b', 0), c('c', 0)], 6, now);
    expect(assignees).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('fills the least loaded member up first', () => {
    const { assignees } = assignInTurn([c('a', 3), c('b', 0)], 4, now);
    expect(assignees).toEqual(['b', 'b', 'b', 'a']);
  });

  it('gives nobody when the desk is empty', () => {
    expect(assignInTurn([], 2, now).assignees).toEqual([null, null]);
  });

  it('records each chosen member\'s last assignment, latest last, never after now', () => {
    const { lastAssigned } = assignInTurn([c('a', 0), c('b', 0)], 3, now);
    expect([...lastAssigned.keys()].sort()).toEqual(['a', 'b']);
    expect(lastAssigned.get('a')!.getTime()).toBeGreaterThan(lastAssigned.get('b')!.getTime());
    expect(lastAssigned.get('a')!.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('does not change the candidates it was given', () => {
    const pool = [c('a', 0)];
    assignInTurn(pool, 2, now);
    expect(pool[0]).toEqual(c('a', 0));
  });
});
