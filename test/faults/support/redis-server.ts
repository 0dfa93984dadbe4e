import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import { ChildService, freePort, waitFor } from './processes';

function redisServerBinary(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (found.status !== 0 || !found.stdout.trim()) throw new Error('the chaos suite needs redis-server on PATH (Debian: apt-get install redis-server)');
  return found.stdout.trim();
}

/**
 * A redis-server of the test's own on a free port of 127.0.0.1, without persistence: a stop
 * and start loses every key, as a restart of a cache-configured Redis or a failover to an
 * empty replica does.
 */
export class RedisServer {
  private server: ChildService | null = null;
  private readonly binary = redisServerBinary();

  private constructor(
    private readonly root: string,
    readonly port: number,
  ) {}

  static async create(root: string): Promise<RedisServer> {
    const server = new RedisServer(root, await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.root, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'];
    this.server = ChildService.start('redis', this.binary, args, join(this.root, 'redis.log'));
    const server = this.server;
    await waitFor(async () => {
      if (!server.running) throw new Error(`redis-server exited (${server.status}):\n${server.tail()}`);
      return this.withClient((c) => c.ping()).then(() => true, () => false);
    }, 10_000, 'redis-server to answer');
  }

  /** Stops it (its data is gone: no persistence). */
  async stop(): Promise<void> {
    await this.server?.stop('SIGTERM');
  }

  /** A client for the test's own looks at the keys; `use` gets it connected and it is closed after. */
  async withClient<T>(use: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis({ host: '127.0.0.1', port: this.port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await use(client);
    } finally {
      client.disconnect();
    }
  }

  flushAll(): Promise<unknown> {
    return this.withClient((c) => c.flushall());
  }
}
