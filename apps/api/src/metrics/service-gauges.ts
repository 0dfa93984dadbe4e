import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '@enterpark/common';
import { QUEUE_NAMES, readOutboxBacklog } from '@enterpark/events';
import { Metrics } from '@enterpark/metrics';
import { countOpenTickets } from '@enterpark/tickets';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;

/**
 * The service's shared state as gauges, read at each scrape of the API: queue counts, the
 * outbox backlog, open tickets by status and SLA stage, breached clocks. Every API replica
 * reports the same values (aggregate with max, not sum); workers report only what they did.
 */
@Injectable()
export class ServiceGauges implements OnApplicationBootstrap, OnApplicationShutdown {
  private remove: (() => void) | null = null;

  constructor(
    private readonly metrics: Metrics,
    private readonly modules: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const samplers = [() => this.sampleQueues(), () => this.sampleOutbox(), () => this.sampleTickets()];
    const removers = samplers.map((s) => this.metrics.addSampler(s));
    this.remove = () => removers.forEach((r) => r());
  }

  onApplicationShutdown(): void {
    this.remove?.();
  }

  private async sampleQueues(): Promise<void> {
    await Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const counts = await this.modules.get<Queue>(getQueueToken(name), { strict: false }).getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.metrics.queueJobs.set({ queue: name, state }, counts[state] ?? 0);
      }),
    );
  }

  private async sampleOutbox(): Promise<void> {
    const backlog = await readOutboxBacklog(this.dataSource);
    this.metrics.outboxUnpublished.set(backlog.unpublished);
    const age = backlog.oldestAt ? Math.max(0, this.clock.now().getTime() - backlog.oldestAt.getTime()) / 1000 : 0;
    this.metrics.outboxOldestSeconds.set(age);
  }

  private async sampleTickets(): Promise<void> {
    const counts = await countOpenTickets(this.dataSource);
    this.metrics.ticketsOpen.reset();
    this.metrics.slaBreached.reset();
    const breachedByStage = new Map<string, number>();
    for (const c of counts) {
      this.metrics.ticketsOpen.set({ status: c.status, sla_stage: c.slaStage ?? 'none' }, c.count);
      if (c.slaStage) breachedByStage.set(c.slaStage, (breachedByStage.get(c.slaStage) ?? 0) + c.breached);
    }
    for (const [stage, n] of breachedByStage) this.metrics.slaBreached.set({ sla_stage: stage }, n);
  }
}
