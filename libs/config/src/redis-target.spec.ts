import { AppConfig, ConfigError } from './app-config';
import { parseRedisUrl } from './redis-target';

function problems(env: Record<string, string>): string[] {
  try {
    AppConfig.fromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the queues\' Redis (REDIS_URL, REDIS_CLUSTER_NODES)', () => {
  it.each([
    ['redis://127.0.0.1:6379', { kind: 'standalone', node: { host: '127.0.0.1', port: 6379 }, db: 0, tls: false }],
    ['rediss://u:p%40ss@cache.example.cn/3', { kind: 'standalone', node: { host: 'cache.example.cn', port: 6379 }, db: 3, tls: true, username: 'u', password: 'p@ss' }],
    ['redis://:secret@[::1]:7000', { kind: 'standalone', node: { host: '::1', port: 7000 }, password: 'secret', username: undefined }],
    [
      'redis+cluster://10.0.0.1:7000, 10.0.0.2:7001,redis-c',
      { kind: 'cluster', nodes: [{ host: '10.0.0.1', port: 7000 }, { host: '10.0.0.2', port: 7001 }, { host: 'redis-c', port: 6379 }], tls: false },
    ],
    ['rediss+cluster://:pw@a:7000', { kind: 'cluster', nodes: [{ host: 'a', port: 7000 }], password: 'pw', tls: true }],
    [
      'redis+sentinel://:master-pw@s1,s2:26380/mymaster/2?sentinelPassword=s-pw',
      { kind: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }], masterName: 'mymaster', db: 2, password: 'master-pw', sentinelPassword: 's-pw' },
    ],
  ])('reads %s', (url, expected) => {
    expect(parseRedisUrl(url)).toMatchObject(expected);
  });

  it.each([
    ['http://127.0.0.1:6379', 'must start with redis://'],
    ['redis://a:6379,b:6379', 'names one server'],
    ['redis://127.0.0.1:99999', 'out of range'],
    ['redis://127.0.0.1/abc', 'must be a number'],
    ['redis+cluster://a:7000/0', 'a cluster has no database'],
    ['redis+cluster://', 'names no host:port'],
    ['redis+sentinel://s1:26379', '/<master name>'],
    ['redis+sentinel://s1:26379/m/1/x', '/<master name>'],
    ['redis+cluster://a b:7000', 'is not host:port'],
  ])('refuses REDIS_URL=%s naming the field and the rule', (url, rule) => {
    expect(problems({ REDIS_URL: url })).toEqual([expect.stringMatching(new RegExp(`^REDIS_URL: .*${rule.replace(/[/<>+]/g, '\\$&')}`))]);
  });

  it('takes a cluster from REDIS_CLUSTER_NODES', () => {
    const config = AppConfig.fromEnv({ REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1:7001' });
    expect(config.queueBackend).toBe('redis');
    expect(config.redis).toEqual({ kind: 'cluster', nodes: [{ host: '127.0.0.1', port: 7000 }, { host: '127.0.0.1', port: 7001 }], tls: false });
  });

  it('refuses a bad node list, and REDIS_CLUSTER_NODES together with REDIS_URL', () => {
    expect(problems({ REDIS_CLUSTER_NODES: '127.0.0.1:7000,:7001' })).toEqual([expect.stringMatching(/^REDIS_CLUSTER_NODES: ":7001" is not host:port/)]);
    expect(problems({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_URL: 'redis://b:6379' })).toEqual([expect.stringMatching(/^REDIS_CLUSTER_NODES: set either it or REDIS_URL/)]);
  });

  it('uses Redis for the queues with a cluster or a Sentinel URL, and needs one when QUEUE_BACKEND=redis', () => {
    expect(AppConfig.fromEnv({ REDIS_URL: 'redis+sentinel://s1/mymaster' }).queueBackend).toBe('redis');
    expect(AppConfig.fromEnv({ REDIS_URL: 'redis+cluster://a:7000' }).redis?.kind).toBe('cluster');
    expect(problems({ QUEUE_BACKEND: 'redis' })).toEqual([expect.stringMatching(/^REDIS_URL: is required when QUEUE_BACKEND=redis/)]);
  });
});
