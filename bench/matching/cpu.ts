import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Cluster, Redis } from 'ioredis';
import { Pool } from 'pg';
import { createRedisClient } from '@enterpark/events';

/** Linux's USER_HZ (`getconf CLK_TCK`): /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** The processes of the run; `other` = everything else busy on the machine (others' builds and tests, the kernel). */
export const CPU_USERS = ['api', 'worker', 'postgres', 'redis', 'bench', 'other'] as const;
export type CpuUser = (typeof CPU_USERS)[number];
type Process = Exclude<CpuUser, 'postgres' | 'other'>;

/** CPU seconds used so far by each process of the stack (PostgreSQL's per backend pid), by the whole machine, and when. */
export interface CpuSample {
  at: number;
  seconds: Record<Process, number>;
  postgres: Map<number, number>;
  machine: number;
}

/** Busy CPU seconds of the whole machine since boot (/proc/stat: all but idle and iowait). */
export async function machineSeconds(): Promise<number> {
  const [user, nice, system, , , irq, softirq, steal] = (await readFile('/proc/stat', 'utf8')).split('\n')[0].split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

export async function processSeconds(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  if (!stat) return 0; // exited
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
}

/**
 * Reads where the machine's CPU went: the API and worker processes, PostgreSQL (this
 * database's backends and the server's background processes), Redis, and this process
 * (the load generator). Differences of two samples divide a phase's CPU among them.
 */
export class CpuMeter {
  private readonly redis: Redis | Cluster;

  constructor(
    private readonly db: Pool,
    redisUrl: string,
    private readonly pids: { api: () => number | undefined; worker: () => number | undefined },
  ) {
    this.redis = createRedisClient(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  }

  async sample(): Promise<CpuSample> {
    const at = performance.now();
    const { rows } = await this.db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`,
    );
    const redisPid = Number(/process_id:(\d+)/.exec(await this.redis.info('server'))?.[1]);
    const postgres = new Map<number, number>();
    for (const { pid } of rows as { pid: number }[]) postgres.set(pid, await processSeconds(pid));
    const own = process.cpuUsage();
    return {
      at,
      seconds: {
        api: await processSeconds(this.pids.api()),
        worker: await processSeconds(this.pids.worker()),
        redis: await processSeconds(redisPid),
        bench: (own.user + own.system) / 1e6,
      },
      postgres,
      machine: await machineSeconds(),
    };
  }

  close(): void {
    this.redis.disconnect();
  }
}

export interface CpuUse {
  wallSeconds: number;
  cores: Record<CpuUser, number>;
}

/**
 * Cores used by each between two samples (CPU seconds / wall seconds). A PostgreSQL
 * backend that started in between counts from its start; one that ended is missed.
 */
export function coresBetween(before: CpuSample, after: CpuSample): CpuUse {
  const wall = (after.at - before.at) / 1000;
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  const used = (u: Process) => after.seconds[u] - before.seconds[u];
  const ours = used('api') + used('worker') + postgres + used('redis') + used('bench');
  const other = Math.max(0, after.machine - before.machine - ours);
  return {
    wallSeconds: wall,
    cores: { api: used('api') / wall, worker: used('worker') / wall, postgres: postgres / wall, redis: used('redis') / wall, bench: used('bench') / wall, other: other / wall },
  };
}
