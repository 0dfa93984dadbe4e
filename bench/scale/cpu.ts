import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { machineSeconds, processSeconds } from '../matching/cpu';

/** Who used the CPU during a configuration's load: `other` is everything else on the (shared) machine. */
export const CPU_GROUPS = ['api', 'worker', 'postgres', 'redis', 'bench', 'other'] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];

export interface CpuUse {
  /** Cores used on average (CPU seconds / wall seconds). */
  cores: Record<CpuGroup, number>;
  /** The busiest single worker and Redis node, in cores: one process is one core at most. */
  busiestWorker: number;
  busiestRedis: number;
  /** The 1-minute load average when the load ended. */
  loadAverage: number;
}

type Processes = Record<'api' | 'worker' | 'redis', number[]>;

/**
 * CPU seconds per process from /proc/<pid>/stat at the start and end of a load, plus the last
 * reading of a process killed in between (it is gone by the end). PostgreSQL's share is the
 * run database's backends and the server's background processes, as in bench/matching.
 */
export class CpuLedger {
  private readonly start = new Map<number, number>();
  private readonly final = new Map<number, number>();
  private startedAt = 0;
  private machineAtStart = 0;
  private benchAtStart = 0;

  constructor(private readonly db: Pool) {}

  private async postgresPids(): Promise<number[]> {
    const { rows } = await this.db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`);
    return rows.map((r: { pid: number }) => r.pid);
  }

  async begin(processes: Processes): Promise<void> {
    this.start.clear();
    this.final.clear();
    for (const pid of [...Object.values(processes).flat(), ...(await this.postgresPids())]) this.start.set(pid, await processSeconds(pid));
    this.benchAtStart = cpuOfThisProcess();
    this.machineAtStart = await machineSeconds();
    this.startedAt = performance.now();
  }

  /** Reads a process about to be killed. */
  async last(pid: number): Promise<void> {
    this.final.set(pid, await processSeconds(pid));
  }

  async end(processes: Processes): Promise<CpuUse> {
    const wall = (performance.now() - this.startedAt) / 1000;
    const used = async (pid: number) => (this.final.get(pid) ?? (await processSeconds(pid))) - (this.start.get(pid) ?? 0);
    const sum = async (pids: number[]) => (await Promise.all(pids.map(used))).reduce((a, b) => a + b, 0);
    const killed = [...this.final.keys()];
    const workers = await Promise.all([...processes.worker, ...killed].map(used));
    const redis = await Promise.all(processes.redis.map(used));
    const seconds: Record<CpuGroup, number> = {
      api: await sum(processes.api),
      worker: workers.reduce((a, b) => a + b, 0),
      postgres: await sum(await this.postgresPids()),
      redis: redis.reduce((a, b) => a + b, 0),
      bench: cpuOfThisProcess() - this.benchAtStart,
      other: 0,
    };
    const ours = Object.values(seconds).reduce((a, b) => a + b, 0);
    seconds.other = Math.max(0, (await machineSeconds()) - this.machineAtStart - ours);
    const cores = Object.fromEntries(CPU_GROUPS.map((g) => [g, seconds[g] / wall])) as Record<CpuGroup, number>;
    return { cores, busiestWorker: Math.max(...workers) / wall, busiestRedis: Math.max(...redis) / wall, loadAverage: loadavg()[0] };
  }
}

function cpuOfThisProcess(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6;
}
