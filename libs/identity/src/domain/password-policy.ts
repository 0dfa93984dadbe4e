/** The minimum a password must meet, wherever one is chosen (a new account, a change of one's own). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
const MIN_DISTINCT = 6;

export const PASSWORD_RULE = `至少 ${PASSWORD_MIN_LENGTH} 位，包含字母、数字、符号中的至少两类，且至少 ${MIN_DISTINCT} 个不同字符`;

/**
 * Whether `password` is strong enough: long enough, at least two kinds of characters (letters,
 * digits, anything else: Chinese counts as "anything else") and not one or two characters
 * repeated. A floor against `1234567890` and `aaaaaaaaaa`, not a scoring meter.
 */
export function isStrongPassword(password: string): boolean {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH || chars.length > PASSWORD_MAX_LENGTH) return false;
  const kinds = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length;
  return kinds >= 2 && new Set(chars).size >= MIN_DISTINCT;
}
