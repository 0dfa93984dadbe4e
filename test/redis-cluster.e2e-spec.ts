import { execFileSync } from 'node:child_process';
import { currentTestRun, RedisServers, startRedisCluster, TestContext } from '@enterpark/testing';
import { queueWorld, expectRoundTrip } from './fixtures/queue-round-trip';

const cli = (port: number, ...args: string[]) => execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' }).trim();

/** The real API and worker on a three-node Redis Cluster (REDIS_CLUSTER_NODES), started for this file. */
describe('queues on a Redis Cluster', () => {
  let cluster: RedisServers;
  let ctx: TestContext;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    const nodes = cluster.servers.map((s) => `127.0.0.1:${s.port}`).join(',');
    ctx = await TestContext.create({ env: { REDIS_URL: '', REDIS_CLUSTER_NODES: nodes } });
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
    await cluster?.stop();
  });

  it('is ready, and carries a demand list from intake to routed and an accepted ticket to its proposal', async () => {
    const ready = await ctx.request('GET', '/health/ready');
    expect(ready.body).toMatchObject({ status: 'ok', checks: { queue: 'up' }, queueBackend: 'redis' });
    await expectRoundTrip(ctx, await queueWorld(ctx), '集群上的清单');
  });

  it('keeps every queue key in the one slot of the prefix\'s hash tag, on the cluster and not on the shared Redis', async () => {
    const prefix = ctx.config.queuePrefix;
    const slot = Number(cli(cluster.servers[0].port, 'CLUSTER', 'KEYSLOT', prefix));
    const keysOn = (port: number) => cli(port, '--scan', '--pattern', `${prefix.replace(/[{}]/g, '\\$&')}*`).split('\n').filter(Boolean);
    const owners = cluster.servers.filter((s) => keysOn(s.port).length > 0);
    expect(owners).toHaveLength(1);
    expect(keysOn(owners[0].port).some((k) => k.includes(':routing:'))).toBe(true);
    expect(Number(cli(owners[0].port, 'CLUSTER', 'COUNTKEYSINSLOT', String(slot)))).toBe(keysOn(owners[0].port).length);
    const shared = new URL(currentTestRun().redisUrl);
    expect(cli(Number(shared.port || 6379), '--scan', '--pattern', `${prefix.replace(/[{}]/g, '\\$&')}*`)).toBe('');
  });

  it('goes on after the worker is restarted (its duplicated cluster connections closed and opened again)', async () => {
    await ctx.stopWorker();
    await ctx.startWorker();
    await expectRoundTrip(ctx, await queueWorld(ctx), '重启后的清单');
  });
});
