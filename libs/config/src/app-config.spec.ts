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

  it('serves the API docs unless API_DOCS=false, and bounds the shutdown', () => {
    expect(AppConfig.fromEnv({}).apiDocs).toBe(true);
    expect(AppConfig.fromEnv({ API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(AppConfig.fromEnv({ SHUTDOWN_TIMEOUT_MS: '10000' })).toMatchObject({ shutdownTimeoutMs: 10_000, drainTimeoutMs: 8_000 });
    expect(() => AppConfig.fromEnv({ API_DOCS: 'off', SHUTDOWN_TIMEOUT_MS: '0' })).toThrow(/API_DOCS[\s\S]*SHUTDOWN_TIMEOUT_MS/);
  });

  it('treats empty variables as unset', () => {
    expect(AppConfig.fromEnv({ REDIS_URL: '', PORT: '' }).port).toBe(3000);
  });

  it.each([
    [{}, 'http://127.0.0.1:3000'],
    [{ PORT: '8080', HOST: '0.0.0.0' }, 'http://127.0.0.1:8080'],
    [{ PUBLIC_BASE_URL: 'https://ep.example.cn' }, 'https://ep.example.cn'],
    [{ PUBLIC_BASE_URL: 'https://api.example.cn', CONSOLE_BASE_URL: 'https://console.example.cn/ep/' }, 'https://console.example.cn/ep'],
  ])('links emails to the console at its base URL (%j → %s)', (env, base) => {
    const config = AppConfig.fromEnv(env);
    const id = '0b0e6c1e-9d43-4d5e-8f5f-2d0c7a6b1f00';
    expect(config.ticketUrl(id)).toBe(`${base}/tickets/${id}`);
    expect(config.ticketConfirmUrl(id)).toBe(`${base}/tickets/${id}?action=confirm`);
    expect(config.mailPreferencesUrl).toBe(`${base}/settings/notifications`);
  });

  it('refuses a console URL that is not http(s), and the retired TICKET_LINK_BASE_URL', () => {
    expect(() => AppConfig.fromEnv({ CONSOLE_BASE_URL: 'ftp://ep.example.cn' })).toThrow(/CONSOLE_BASE_URL/);
    expect(() => AppConfig.fromEnv({ TICKET_LINK_BASE_URL: 'https://ep.example.cn/tickets' })).toThrow(/TICKET_LINK_BASE_URL: replaced by CONSOLE_BASE_URL/);
  });
});
