import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a server process left running by an earlier, hard-killed start. */
export async function stopStaleProcess(pid: number, signal: NodeJS.Signals): Promise<void> {
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !alive(pid)) return;
  process.kill(pid, signal);
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * A server this process started (PostgreSQL, redis-server). It runs in a session of its own,
 * so that a signal to our process group (a terminal's Ctrl-C, `kill -- -PGID`) does not reach
 * it: it is stopped last, once the API and the worker no longer need it, and only by us.
 */
export class ServerProcess {
  private readonly exited: Promise<void>;
  /** The last lines the server wrote, to say why it did not start. */
  private outputTail = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    private readonly stopSignal: NodeJS.Signals,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve()); // could not be started at all
    });
    // Read to the end: a server blocks once a pipe nobody reads is full.
    const keep = (chunk: Buffer) => (this.outputTail = (this.outputTail + chunk.toString('utf8')).slice(-2000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (error) => (this.outputTail += `\n${error.message}`));
  }

  static spawn(name: string, binary: string, args: string[], options: SpawnOptions, stopSignal: NodeJS.Signals): ServerProcess {
    const child = spawn(binary, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    return new ServerProcess(name, child, stopSignal);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined;
  }

  /** Why the server ended early: its exit status and its last words. */
  describeExit(): string {
    return `${this.name} exited (${this.child.exitCode ?? this.child.signalCode}): ${this.outputTail.trim() || 'no output'}`;
  }

  /**
   * Asks the server to stop and waits up to `graceMs`; then kills it and every process it
   * started. True when it stopped on its own.
   */
  async stop(graceMs: number): Promise<boolean> {
    if (!this.running) return true;
    this.signalGroup(this.stopSignal, false);
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([this.exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
    clearTimeout(timer);
    if (inTime) return true;
    this.kill();
    await this.exited;
    return false;
  }

  /** Kills the server's whole process group at once (PostgreSQL's backends too). */
  kill(): void {
    if (this.running) this.signalGroup('SIGKILL', true);
  }

  /** The stop signal goes to the server itself (it tells its children); SIGKILL to the group. */
  private signalGroup(signal: NodeJS.Signals, group: boolean): void {
    try {
      process.kill(group ? -this.child.pid! : this.child.pid!, signal);
    } catch {
      // Already gone.
    }
  }
}

/** A server that answers at `url`; `stop()` stops it (killed after 10 s). */
export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export function running(url: string, server: ServerProcess): RunningServer {
  return { url, stop: async () => void (await server.stop(10_000)) };
}

/** The servers a start brought up, stopped together at the end. */
export class StartedServers {
  private readonly servers: ServerProcess[] = [];

  add(server: ServerProcess): ServerProcess {
    this.servers.push(server);
    return server;
  }

  /** Stops every server within `graceMs` (then kills it); true when all stopped on their own. */
  async stopAll(graceMs: number): Promise<boolean> {
    const results = await Promise.all(this.servers.map((s) => s.stop(graceMs)));
    return results.every(Boolean);
  }

  killAll(): void {
    for (const server of this.servers) server.kill();
  }
}
