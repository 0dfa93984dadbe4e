import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRedisClient } from '@enterpark/events';
import { freePort, running, RunningServer, ServerProcess, StartedServers, stopStaleProcess } from './processes';

export function redisServerOnPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/**
 * redis-server cannot start under libfaketime (its allocator recurses into clock_gettime):
 * when the service is run in another time to test it, Redis keeps the real one.
 */
function withoutFakeTime(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!env.LD_PRELOAD?.includes('faketime')) return env;
  const { LD_PRELOAD, ...rest } = env;
  return { ...rest, LD_PRELOAD: LD_PRELOAD.split(/[: ]/).filter((lib) => !lib.includes('faketime')).join(':') };
}

async function waitForPing(port: number, server: ServerProcess): Promise<void> {
  const client = createRedisClient(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // Until redis-server listens, connecting is refused: expected here, and reported only if it never answers.
  let lastError: unknown;
  client.on('error', (error: unknown) => (lastError = error));
  try {
    for (let i = 0; i < 100; i++) {
      if (!server.running) throw new Error(server.describeExit());
      try {
        await client.connect();
        await client.ping();
        return;
      } catch {
        client.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`redis-server did not answer within 5 s (${String(lastError)})`);
  } finally {
    client.disconnect();
  }
}

/**
 * redis-server from PATH as a child process in a session of its own (see ServerProcess),
 * append-only data under `<dataDir>/redis`; added to `servers` as soon as it runs.
 */
export async function startEmbeddedRedis(binary: string, dataRoot: string, servers = new StartedServers()): Promise<RunningServer> {
  const dir = resolve(dataRoot, 'redis');
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis.pid');
  if (existsSync(pidFile)) {
    await stopStaleProcess(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
    rmSync(pidFile, { force: true });
  }
  const port = await freePort();
  const server = servers.add(
    ServerProcess.spawn(
      'redis-server',
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--pidfile', pidFile, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--loglevel', 'warning'],
      { env: withoutFakeTime(process.env) },
      'SIGTERM',
    ),
  );
  await waitForPing(port, server);
  return running(`redis://127.0.0.1:${port}`, server);
}
