/** A key for one filing; getRandomValues works on plain-HTTP intranet hosts, where randomUUID does not. */
export function newIdempotencyKey(): string {
  return `console-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
