import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@enterpark/database';
import { decodeFeedCursor, encodeFeedCursor, FeedPosition, laterPosition, ReadEventFeedService } from '@enterpark/events';
import { WebhookCursorRepository } from '../persistence/webhook-cursor.repository';
import { WebhookDeliveryRepository } from '../persistence/webhook-delivery.repository';
import { Subscription, WebhookEndpointRepository } from '../persistence/webhook-endpoint.repository';
import { WebhookJobs } from './webhook-jobs';

/** Events read per round; a full round is followed by another, up to MAX_ROUNDS per tick. */
const BATCH = 500;
const MAX_ROUNDS = 20;

/**
 * The fan-out: tails the event log rather than taking every event off a queue (the intake
 * path writes hundreds per second; most concern no endpoint). It reads the event feed (the
 * same order and horizon as GET /events: a late commit never lands behind the cursor) from
 * its stored position, only the names some active endpoint subscribes to, and in one
 * transaction moves the cursor (compare-and-set) and writes one delivery per (endpoint,
 * event). Two workers cannot both fan out a range: the second one's compare-and-set fails,
 * and the unique (endpoint, event) key would refuse its rows anyway. Jobs are queued after
 * commit; one lost in between is found by the re-drive.
 */
@Injectable()
export class DispatchWebhooksService {
  constructor(
    private readonly feed: ReadEventFeedService,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly cursor: WebhookCursorRepository,
    private readonly tx: TransactionRunner,
    private readonly jobs: WebhookJobs,
  ) {}

  /** Answers how many deliveries were created. */
  async fanOut(): Promise<number> {
    let created = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const result = await this.fanOutRound();
      created += result.created;
      if (!result.more) break;
    }
    return created;
  }

  private async fanOutRound(): Promise<{ created: number; more: boolean }> {
    const subscriptions = await this.endpoints.subscriptions();
    if (subscriptions.length === 0) return { created: 0, more: false };
    const stored = await this.cursor.read();
    // Nothing before the oldest endpoint's registration is anyone's: skip straight past it.
    const from = laterPosition(stored, { txId: oldestRegistration(subscriptions), seq: '0' });
    const types = [...new Set(subscriptions.flatMap((s) => s.events))];
    const page = await this.feed.read({ after: encodeFeedCursor(from), types, limit: BATCH });
    const to = decodeFeedCursor(page.nextCursor);
    if (samePosition(to, stored)) return { created: 0, more: false };
    const ids = await this.tx.run(async (manager) => {
      if (!(await this.cursor.advance(manager, stored, to, subscriptions.map((s) => s.id)))) return null;
      return page.items.length ? this.deliveries.fanOut(manager, page.items.map((e) => e.id)) : [];
    });
    // Another worker moved the cursor, or a new endpoint appeared: read the range again.
    if (ids === null) return { created: 0, more: true };
    await this.jobs.deliver(ids);
    return { created: ids.length, more: page.items.length === BATCH };
  }
}

function oldestRegistration(subscriptions: readonly Subscription[]): string {
  return subscriptions.map((s) => BigInt(s.createdTxId)).reduce((a, b) => (b < a ? b : a)).toString();
}

function samePosition(a: FeedPosition, b: FeedPosition): boolean {
  return a.txId === b.txId && a.seq === b.seq;
}
