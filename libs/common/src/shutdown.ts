import { Logger } from '@nestjs/common';
import { constants } from 'node:os';

/** True when `work` settles (either way) within `ms`; false when it is still running then. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One Ctrl-C can arrive twice: the terminal signals the whole foreground group, and `npm run`
 * forwards the same signal to its child. Repeats this close together are the same key press.
 */
const SAME_KEY_PRESS_MS = 300;

export interface StopSignalHandlers {
  /** The orderly stop, itself bounded; resolves to the exit code. */
  stop(signal: NodeJS.Signals): Promise<number>;
  /** Runs synchronously on a second signal, just before the process exits (e.g. kill the servers it started). */
  abort?(): void;
}

/**
 * Makes SIGINT and SIGTERM end the process: the first runs `stop` and exits with its code, a
 * second one exits at once (128 + the signal's number, after `abort`). Listeners others
 * installed for these signals are removed: this process decides how it ends.
 */
export function exitOnStopSignals(handlers: StopSignalHandlers, logger = new Logger('EnterPark')): void {
  let first: { signal: NodeJS.Signals; at: number } | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!first) {
      first = { signal, at: Date.now() };
      logger.log(`收到 ${signal}，正在停止（再按一次 Ctrl-C 立即退出）`);
      handlers.stop(signal).then(
        (code) => {
          logger.log(`已停止（退出码 ${code}）`);
          process.exit(code);
        },
        (error: Error) => {
          logger.error(`停止时出错：${error.message}`);
          process.exit(1);
        },
      );
      return;
    }
    if (Date.now() - first.at < SAME_KEY_PRESS_MS) return;
    const code = 128 + constants.signals[signal];
    handlers.abort?.();
    logger.warn(`再次收到 ${signal}：立即退出（退出码 ${code}）`);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}
