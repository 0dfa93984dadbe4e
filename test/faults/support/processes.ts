import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createWriteStream, readFileSync, WriteStream } from 'node:fs';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it answers true; fails naming `what` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * One child process (a server, the API, a worker) whose output goes to a log file, so that a
 * failing test can show its last lines. Only this child's own pid is ever signalled.
 */
export class ChildService {
  private readonly exited: Promise<void>;
  private exitStatus: string | null = null;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    private readonly logFile: string,
    log: WriteStream,
  ) {
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('close', () => log.end());
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitStatus = signal ?? `exit ${code}`;
        resolve();
      });
    });
  }

  /** Starts `command`; its output is appended to `logFile` (kept across restarts). */
  static start(name: string, command: string, args: string[], logFile: string, options: SpawnOptions = {}): ChildService {
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n--- ${new Date().toISOString()} start ${name}\n`);
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    return new ChildService(name, child, logFile, log);
  }

  /** A Node script of dist/ with `env` as its whole environment (plus PATH). */
  static node(name: string, script: string, env: Record<string, string>, logFile: string): ChildService {
    return ChildService.start(name, process.execPath, ['--enable-source-maps', script], logFile, { env: { PATH: process.env.PATH ?? '', ...env } });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitStatus === null;
  }

  /** How it ended (`SIGKILL`, `exit 0`), or null while it runs. */
  get status(): string | null {
    return this.exitStatus;
  }

  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs` if it is still there. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Resolves when the process has exited, whatever ended it. */
  whenExited(): Promise<void> {
    return this.exited;
  }

  /** The last lines of its log, for a failure message. */
  tail(lines = 30): string {
    const text = readFileSync(this.logFile, 'utf8').trimEnd().split('\n');
    return text.slice(-lines).map((l) => `  [${this.name}] ${l}`).join('\n');
  }
}
