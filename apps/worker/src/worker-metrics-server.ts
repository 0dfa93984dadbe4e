import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AppConfig } from '@enterpark/config';
import { bearerMatches, Metrics } from '@enterpark/metrics';

/**
 * The worker's own /metrics on METRICS_PORT (a worker has no HTTP server otherwise): job
 * durations and failures, mail and webhook outcomes, process metrics. Same token rule as the API.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void res.writeHead(404).end();
      if (!bearerMatches(req.headers.authorization, this.config.metricsToken)) return void res.writeHead(401).end();
      this.metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.config.metricsPort, this.config.host, resolve));
    this.server = server;
    const address = server.address();
    this.logger.log(`worker metrics on http://${this.config.host}:${typeof address === 'object' && address ? address.port : this.config.metricsPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** The port actually bound (METRICS_PORT=0 picks a free one; tests use that). */
  get port(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : null;
  }
}
