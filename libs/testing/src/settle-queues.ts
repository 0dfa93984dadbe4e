import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@enterpark/events';
import { TestContext } from './test-context';

/**
 * Resolves once the outbox has published every event and `queues` have nothing waiting,
 * delayed or running. Consumers such as notifications write rows (mail_message) a moment
 * after the request that caused them; a test comparing `rowCounts()` around a refused
 * request settles them first, so that only the refusal is measured.
 */
export async function settleQueues(ctx: TestContext, queues: readonly QueueName[] = ['notifications'], timeoutMs = 10_000): Promise<void> {
  await ctx.waitFor(
    async () => {
      const [outbox] = await ctx.sql(`SELECT count(*)::int AS n FROM event WHERE published_at IS NULL`);
      if (outbox.n > 0) return false;
      for (const name of queues) {
        const counts = await ctx.api.get<Queue>(getQueueToken(name), { strict: false }).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (Object.values(counts).some((n) => n > 0)) return false;
      }
      return true;
    },
    timeoutMs,
    `queues ${queues.join(', ')} settled`,
  );
}
