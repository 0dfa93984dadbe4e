import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A reading taken at scrape time (queue counts, outbox backlog, open tickets), registered by an app. */
export type Sampler = () => Promise<void>;

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_SECONDS = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300];

/**
 * The process's metrics: one registry per process, as Prometheus scrapes processes. The
 * standalone start runs the API and the worker in one process, so both apps write here and
 * the API's /metrics shows them all. Counters count what this process did; gauges sampled at
 * scrape time (see `addSampler`) read the shared state from the database and the queues.
 */
export class Metrics {
  private static instance: Metrics | null = null;
  readonly registry = new Registry();
  private readonly samplers = new Set<Sampler>();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'enterpark_job_duration_seconds',
    help: 'Queue jobs processed by this process, by queue and result (completed, failed)',
    labelNames: ['queue', 'result'] as const,
    buckets: JOB_SECONDS,
    registers: [this.registry],
  });
  readonly jobFailures = new Counter({
    name: 'enterpark_job_failures_total',
    help: 'Failed job attempts by queue (each retry counts)',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  readonly mailMessages = new Counter({
    name: 'enterpark_mail_messages_total',
    help: 'Stored messages this process finished, by outcome (sent, failed, suppressed, skipped, retry)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'enterpark_webhook_attempts_total',
    help: 'Webhook delivery attempts this process made, by result (delivered, failed, pending = will retry)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly reconcilerRedrives = new Counter({
    name: 'enterpark_reconciler_redrives_total',
    help: 'Work the reconciler found lost and drove again, by what (routing, matching, ... : events re-published; mail, digests: jobs re-queued)',
    labelNames: ['what'] as const,
    registers: [this.registry],
  });
  readonly queueJobs = new Gauge({ name: 'enterpark_queue_jobs', help: 'BullMQ jobs by queue and state', labelNames: ['queue', 'state'] as const, registers: [this.registry] });
  readonly outboxUnpublished = new Gauge({ name: 'enterpark_outbox_unpublished', help: 'Events not yet published by the outbox relay', registers: [this.registry] });
  readonly outboxOldestSeconds = new Gauge({ name: 'enterpark_outbox_oldest_unpublished_seconds', help: 'Age of the oldest unpublished event (0 when none)', registers: [this.registry] });
  readonly ticketsOpen = new Gauge({ name: 'enterpark_tickets_open', help: 'Tickets not yet final, by status and SLA stage (none: no clock runs)', labelNames: ['status', 'sla_stage'] as const, registers: [this.registry] });
  readonly slaBreached = new Gauge({ name: 'enterpark_sla_breached_clocks', help: 'Running SLA clocks past their deadline, by stage', labelNames: ['sla_stage'] as const, registers: [this.registry] });
  private readonly sampleErrors = new Gauge({ name: 'enterpark_scrape_sample_errors', help: 'Samplers that failed in this scrape (their gauges keep their previous values)', registers: [this.registry] });

  private constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  static shared(): Metrics {
    Metrics.instance ??= new Metrics();
    return Metrics.instance;
  }

  /** Registers a sampler run at each scrape; the returned function removes it (on app shutdown). */
  addSampler(sampler: Sampler): () => void {
    this.samplers.add(sampler);
    return () => void this.samplers.delete(sampler);
  }

  /** The exposition text. Samplers run first: the registry reads every metric at once. */
  async text(): Promise<string> {
    const results = await Promise.allSettled([...this.samplers].map((sample) => sample()));
    this.sampleErrors.set(results.filter((r) => r.status === 'rejected').length);
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

}
