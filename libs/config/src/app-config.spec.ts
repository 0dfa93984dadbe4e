import { AppConfig, ConfigError } from './app-config';

describe('AppConfig', () => {
  it('has working defaults for the embedded start', () => {
    const config = AppConfig.fromEnv({});
    expect(config.port).toBe(3000);
    expect(config.queuePrefix).toBe('{enterpark}');
    expect(config.demoData).toBe(true);
    expect(config.queueBackend).toBe('postgres');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('uses Redis as soon as a URL is given', () => {
    expect(AppConfig.fromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).queueBackend).toBe('redis');
  });

  it('lists every problem at once', () => {
    try {
      AppConfig.fromEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', QUEUE_PREFIX: 'no-hash-tag', NODE_ENV: 'production', DEMO_DATA: 'maybe' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const fields = (error as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(fields).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'QUEUE_PREFIX', 'DEMO_DATA', 'JWT_SECRET']));
    }
  });

  it('treats empty variables as unset', () => {
    expect(AppConfig.fromEnv({ REDIS_URL: '', PORT: '' }).port).toBe(3000);
  });
});
