import { settlesWithin } from './shutdown';

const after = <T>(ms: number, value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), ms));

describe('settlesWithin', () => {
  it.each<[string, () => Promise<unknown>, boolean]>([
    ['resolved in time', () => after(5, () => 1), true],
    ['rejected in time (a failed step has ended too)', () => after(5, () => 0).then(() => Promise.reject(new Error('gone'))), true],
    ['still running', () => new Promise(() => undefined), false],
  ])('%s → %s', async (_case, work, expected) => {
    expect(await settlesWithin(work(), 50)).toBe(expected);
  });
});
