import { inShanghai } from '@enterpark/common';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026年11月23日 24:00" in Asia/Shanghai. A deadline at midnight is shown as 24:00 of the
 * day it ends, the way working-day deadlines are spoken of ("by the end of Monday").
 */
export function formatShanghai(at: Date): string {
  const local = inShanghai(at);
  const midnight = local.getUTCHours() === 0 && local.getUTCMinutes() === 0 && local.getUTCSeconds() === 0;
  const day = midnight ? new Date(local.getTime() - 1) : local;
  const time = midnight ? '24:00' : `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日 ${time}`;
}
