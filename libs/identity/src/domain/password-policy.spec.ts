import { isStrongPassword } from './password-policy';

describe('isStrongPassword', () => {
  it.each([
    ['Test-Passw0rd!', true],
    ['hefei2026zone', true],
    ['合肥经开区服务平台2026', true],
    ['correct horse battery', true],
    ['1234567890', false], // one kind
    ['abcdefghijkl', false], // one kind
    ['aaaaaaaaa1', false], // two kinds, two characters
    ['ab12ab12ab', false], // four distinct characters
    ['Sh0rt!', false], // too short
    ['x1'.repeat(70), false], // too long, too few characters
  ])('%s → %s', (password, strong) => {
    expect(isStrongPassword(password)).toBe(strong);
  });
});
