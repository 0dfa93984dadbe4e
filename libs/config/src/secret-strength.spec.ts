import { AppConfig, ConfigError } from './app-config';
import { entropyBits, jwtSecretWeakness } from './secret-strength';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    AppConfig.fromEnv(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('a production JWT_SECRET must be strong', () => {
  it.each([
    ['shorter than 32 bytes', 'Kq8#vR2!xZ9m'],
    ['32 × a', 'a'.repeat(32)],
    ['two letters alternating', 'ab'.repeat(16)],
    ['hex digits repeated', '0123456789abcdef'.repeat(2)],
    ['changeme…', 'changeme-changeme-changeme-changeme'],
    ['Change-Me with a year', 'Change-Me-Before-Production-2026!!'],
    ['secret, repeated to length', 'secret'.repeat(6)],
    ['the tests\' own secret pattern', 'test-test-test-test-test-test-test'],
    ['a sentence from an example file', 'your-jwt-secret-goes-here-0123456789'],
    ['seven distinct characters', 'passwordpasswordpasswordpassword'],
  ])('refuses %s', (_what, secret) => {
    expect(jwtSecretWeakness(secret)).not.toBeNull();
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(problems.filter((p) => p.startsWith('JWT_SECRET:'))).toHaveLength(1);
  });

  it.each([
    ['openssl rand -hex 16', '9f86d081884c7d659a2feaa0c55ad015'],
    ['openssl rand -base64 48', 'rT1Yp0f2cV7o5wq8mZ3kL9xB4nH6sJ0dA2gE5uR8tW1yC3vN7bM4qK6pF9hX0zS'],
    ['a long passphrase', 'correct horse battery staple on the 合肥 ring road'],
  ])('accepts %s', (_what, secret) => {
    expect(jwtSecretWeakness(secret)).toBeNull();
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret })).toEqual([]);
  });

  it('applies in production only: development and tests keep their convenience secrets', () => {
    expect(problemsOf({ NODE_ENV: 'development', JWT_SECRET: 'a'.repeat(32) })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'test', JWT_SECRET: 'a'.repeat(32) })).toEqual([]);
  });

  it('names JWT_SECRET in the one error listing every problem', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32), PORT: 'abc' });
    expect(problems).toEqual([expect.stringMatching(/^PORT:/), expect.stringMatching(/^JWT_SECRET: has too little entropy/)]);
  });

  it('estimates entropy from the character distribution', () => {
    expect(entropyBits('a'.repeat(32))).toBe(0);
    expect(entropyBits('ab'.repeat(16))).toBe(32);
    expect(entropyBits('0123456789abcdef'.repeat(2))).toBe(128);
  });
});
