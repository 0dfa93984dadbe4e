import { randomBytes } from 'node:crypto';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const key = randomBytes(32);
const alice = '0190f4b6-5a1e-7c2d-8e3f-0a1b2c3d4e5f';
const bob = '0190f4b6-5a1e-7c2d-8e3f-0a1b2c3d4e60';

describe('unsubscribe tokens', () => {
  it('verify to their own user and category', () => {
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(key, alice, 'digest'))).toEqual({ userId: alice, category: 'digest' });
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(key, alice, 'notification'))).toEqual({ userId: alice, category: 'notification' });
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(key, alice, 'assignment'))).toEqual({ userId: alice, category: 'assignment' });
  });

  const token = signUnsubscribeToken(key, alice, 'digest');
  const mac = token.split('.')[2];
  it.each([
    ['another user with the same MAC', `${bob}.digest.${mac}`],
    ['another category with the same MAC', `${alice}.notification.${mac}`],
    ['the assignment category with the digest MAC', `${alice}.assignment.${mac}`],
    ['a truncated MAC', token.slice(0, -1)],
    ['a changed last character', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')],
    ['an unknown category', `${alice}.everything.${mac}`],
    ['garbage', 'not-a-token'],
    ['empty', ''],
  ])('refuse %s', (_case, forged) => {
    expect(verifyUnsubscribeToken(key, forged)).toBeNull();
  });

  it('refuse a token signed with another key', () => {
    expect(verifyUnsubscribeToken(randomBytes(32), token)).toBeNull();
  });
});
