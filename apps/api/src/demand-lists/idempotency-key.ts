import { InvalidInputError } from '@enterpark/common';
import { DEMAND_LIST_LIMITS } from '@enterpark/demand';

const KEY_PATTERN = /^[\x21-\x7e]+$/;

/** The Idempotency-Key header of a filing (POST /demand-lists, its workbook import), or null when none was sent. */
export function idempotencyKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw.length === 0 || raw.length > DEMAND_LIST_LIMITS.idempotencyKeyLength || !KEY_PATTERN.test(raw)) {
    throw InvalidInputError.field('Idempotency-Key', 'format', `Idempotency-Key 须为 1–${DEMAND_LIST_LIMITS.idempotencyKeyLength} 个可见 ASCII 字符`);
  }
  return raw;
}
