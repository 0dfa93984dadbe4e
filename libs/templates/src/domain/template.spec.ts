import { isEligibleSource } from './template';

describe('which tickets may become a template', () => {
  it.each([
    ['closed, rated 5', 'closed', 5, true],
    ['closed, rated 4', 'closed', 4, true],
    ['closed, rated 3', 'closed', 3, false],
    ['completed, not yet rated', 'completed', null, false],
    ['in service', 'in_service', null, false],
    ['closed without a rating', 'closed', null, false],
  ])('%s', (_name: string, status: string, rating: number | null, eligible: boolean) => {
    expect(isEligibleSource({ status, rating })).toBe(eligible);
  });
});
