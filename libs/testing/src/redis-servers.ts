import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../apps/standalone/src/processes';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A redis-server (or Sentinel) of a test or benchmark, on its own port and directory. */
export interface RedisProcess {
  port: number;
  pid: number;
}

/** Servers started together, with the URL the service takes (REDIS_URL) and how to stop them all. */
export interface RedisServers {
  url: string;
  servers: RedisProcess[];
  stop(): Promise<void>;
  /** SIGKILL to every server at once, from a synchronous `exit` handler (the directory stays). */
  killNow(): void;
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 30_000 });
  return stdout.trim();
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Starts redis-server (from PATH) with `args`; resolves when it answers PING. */
async function startServer(dir: string, port: number, args: string[], children: ChildProcess[]): Promise<RedisProcess> {
  const child = spawn('redis-server', args, { cwd: dir, stdio: 'ignore' });
  children.push(child);
  child.once('error', () => undefined); // ENOENT shows as the PING never answering
  await until(`redis-server on port ${port}`, 10_000, async () => child.exitCode === null && (await cli(port, 'PING')) === 'PONG');
  return { port, pid: child.pid! };
}

function killNow(children: ChildProcess[]): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function stopAll(children: ChildProcess[], dir: string): Promise<void> {
  await Promise.all(
    children.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL'); // throwaway data: nothing to flush
      return exited;
    }),
  );
  await rm(dir, { recursive: true, force: true });
}

/** Common flags: loopback only, no persistence (these servers live for one test). */
const serverArgs = (port: number) => ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'];

/**
 * A Redis Cluster of `masters` nodes on free ports (cluster bus on ports of its own), joined with
 * `redis-cli --cluster create`, no replicas. Resolves when every node reports cluster_state:ok.
 */
export async function startRedisCluster(masters = 3): Promise<RedisServers> {
  const dir = await mkdtemp(join(tmpdir(), 'enterpark-cluster-'));
  const children: ChildProcess[] = [];
  try {
    const servers: RedisProcess[] = [];
    for (let i = 0; i < masters; i++) {
      const [port, bus] = [await freePort(), await freePort()];
      await mkdir(join(dir, String(port)));
      const args = [...serverArgs(port), '--cluster-enabled', 'yes', '--cluster-port', String(bus), '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '5000', '--dir', join(dir, String(port))];
      servers.push(await startServer(dir, port, args, children));
    }
    const nodes = servers.map((s) => `127.0.0.1:${s.port}`);
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 60_000 });
    for (const s of servers) await until(`cluster_state:ok on ${s.port}`, 20_000, async () => (await cli(s.port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'));
    return { url: `redis+cluster://${nodes.join(',')}`, servers, stop: () => stopAll(children, dir), killNow: () => killNow(children) };
  } catch (error) {
    await stopAll(children, dir);
    throw error;
  }
}

/**
 * A master, one replica and a Sentinel watching them as `masterName` (quorum 1), on free ports.
 * The URL names only the Sentinel: the service asks it where the master is.
 */
export async function startRedisSentinel(masterName = 'enterpark'): Promise<RedisServers & { sentinelPort: number; failover(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'enterpark-sentinel-'));
  const children: ChildProcess[] = [];
  try {
    const masterPort = await freePort();
    const master = await startServer(dir, masterPort, [...serverArgs(masterPort), '--dir', dir, '--dbfilename', `m${masterPort}.rdb`], children);
    const replicaPort = await freePort();
    const replica = await startServer(dir, replicaPort, [...serverArgs(replicaPort), '--dir', dir, '--dbfilename', `r${replicaPort}.rdb`, '--replicaof', '127.0.0.1', String(masterPort)], children);
    await until('the replica in sync', 20_000, async () => (await cli(replicaPort, 'INFO', 'replication')).includes('master_link_status:up'));
    const sentinelPort = await freePort();
    // Sentinel rewrites its configuration file, so it gets one of its own.
    const conf = join(dir, 'sentinel.conf');
    await writeFile(conf, [
      `port ${sentinelPort}`, 'bind 127.0.0.1', `dir ${dir}`,
      `sentinel monitor ${masterName} 127.0.0.1 ${masterPort} 1`,
      `sentinel down-after-milliseconds ${masterName} 2000`,
      `sentinel failover-timeout ${masterName} 10000`, '',
    ].join('\n'));
    const sentinel = await startServer(dir, sentinelPort, [conf, '--sentinel'], children);
    await until('the Sentinel to see the replica', 20_000, async () => (await cli(sentinelPort, 'SENTINEL', 'REPLICAS', masterName)).includes(String(replicaPort)));
    return {
      url: `redis+sentinel://127.0.0.1:${sentinelPort}/${masterName}`,
      servers: [master, replica, sentinel],
      sentinelPort,
      /** Promotes the replica (SENTINEL FAILOVER); resolves when the Sentinel names it as the master. */
      failover: async () => {
        await cli(sentinelPort, 'SENTINEL', 'FAILOVER', masterName);
        await until('the failover', 30_000, async () => (await cli(sentinelPort, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName)).includes(String(replicaPort)));
      },
      stop: () => stopAll(children, dir),
      killNow: () => killNow(children),
    };
  } catch (error) {
    await stopAll(children, dir);
    throw error;
  }
}
