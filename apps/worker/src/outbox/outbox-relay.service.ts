import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { settlesWithin } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { DomainEvent, QUEUE_NAMES, QueueName, queuesFor } from '@enterpark/events';

interface OutboxRow {
  seq: string;
  id: string;
  name: DomainEvent['name'];
  aggregate_type: DomainEvent['aggregateType'];
  aggregate_id: string;
  zone_id: string | null;
  actor_id: string | null;
  payload: DomainEvent['payload'];
  occurred_at: Date;
}

const LISTEN_CHANNEL = 'enterpark_outbox';

/**
 * Publishes committed events to their queues. Rows are claimed with
 * FOR UPDATE SKIP LOCKED (replicas share the work), published with the event id as
 * job id (a re-publish while the job exists is a no-op) and marked sent in the same
 * transaction. NOTIFY only wakes the loop early; polling is the source of truth.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private queues = new Map<QueueName, Queue>();
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  /** A wake-up that arrived while a round was running: the next sleep is skipped. */
  private wakePending = false;
  private listener: Client | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of QUEUE_NAMES) this.queues.set(name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  /**
   * Bounded: a round waiting on a PostgreSQL or Redis that is gone would hold the shutdown
   * forever. Its rows stay unpublished (the lock goes with the connection) for the next relay.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    if (!(await settlesWithin(this.loop, this.config.drainTimeoutMs))) {
      this.logger.warn(`outbox relay round still running after ${this.config.drainTimeoutMs} ms; left to the next start`);
    }
    const listener = this.listener;
    this.listener = null;
    if (listener) await settlesWithin(listener.end(), 1000);
  }

  /** Publish now rather than at the next poll. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wakePending = true;
  }

  /** One claim-publish-mark round; returns how many events it published. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at
           FROM event WHERE published_at IS NULL
          ORDER BY seq LIMIT $1
            FOR UPDATE SKIP LOCKED`,
        [this.config.outboxBatchSize],
      );
      if (rows.length === 0) return 0;
      await this.publish(rows);
      await manager.query(`UPDATE event SET published_at = now() WHERE seq = ANY ($1::bigint[])`, [rows.map((r) => r.seq)]);
      return rows.length;
    });
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: string; data: DomainEvent; opts: { jobId: string } }[]>();
    for (const row of rows) {
      const event: DomainEvent = {
        id: row.id,
        name: row.name,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        zoneId: row.zone_id,
        actorId: row.actor_id,
        payload: row.payload,
        occurredAt: new Date(row.occurred_at).toISOString(),
      };
      for (const queue of queuesFor(row.name)) {
        const jobs = byQueue.get(queue) ?? [];
        jobs.push({ name: row.name, data: event, opts: { jobId: row.id } });
        byQueue.set(queue, jobs);
      }
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => this.queues.get(queue)!.addBulk(jobs)));
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakePending = false;
      let published = 0;
      try {
        published = await this.relayOnce();
      } catch (error) {
        this.logger.error(`outbox relay round failed, will retry: ${(error as Error).message}`);
      }
      if (published < this.config.outboxBatchSize && this.running) await this.sleep(this.config.outboxPollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async listen(): Promise<void> {
    if (!this.running) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'enterpark-outbox-listen' });
    this.listener = client;
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      if (!this.running) return void client.end().catch(() => undefined);
      this.logger.warn(`outbox LISTEN connection lost (${error.message}); polling continues, reconnecting`);
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LISTEN_CHANNEL}`);
    } catch (error) {
      client.emit('error', error);
    }
  }
}
