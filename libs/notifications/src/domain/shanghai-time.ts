/** China keeps UTC+8 all year (no daylight saving): a fixed shift is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026年11月23日 24:00" in Asia/Shanghai. A deadline at midnight is shown as 24:00 of the
 * day it ends, the way working-day deadlines are spoken of ("by the end of Monday").
 */
export function formatShanghai(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const midnight = local.getUTCHours() === 0 && local.getUTCMinutes() === 0 && local.getUTCSeconds() === 0;
  const day = midnight ? new Date(local.getTime() - 1) : local;
  const time = midnight ? '24:00' : `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日 ${time}`;
}
