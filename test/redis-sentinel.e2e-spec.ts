import { RedisServers, startRedisSentinel, TestContext } from '@enterpark/testing';
import { queueWorld, expectRoundTrip } from './fixtures/queue-round-trip';

/** The real API and worker on Redis behind a Sentinel (redis+sentinel://…/<master name>), started for this file. */
describe('queues behind Redis Sentinel', () => {
  let redis: RedisServers & { failover(): Promise<void> };
  let ctx: TestContext;

  beforeAll(async () => {
    redis = await startRedisSentinel('enterpark-test');
    ctx = await TestContext.create({ env: { REDIS_URL: redis.url } });
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
    await redis?.stop();
  });

  it('finds the master through the Sentinel and carries a list from intake to routed and proposed', async () => {
    expect((await ctx.request('GET', '/health/ready')).body).toMatchObject({ status: 'ok', checks: { queue: 'up' } });
    await expectRoundTrip(ctx, await queueWorld(ctx), '哨兵模式下的清单');
  });

  it('follows a failover to the promoted replica', async () => {
    const world = await queueWorld(ctx);
    await redis.failover();
    await expectRoundTrip(ctx, world, '切换后的清单');
    expect((await ctx.request('GET', '/health/ready')).body).toMatchObject({ status: 'ok', checks: { queue: 'up' } });
  }, 90_000);
});
