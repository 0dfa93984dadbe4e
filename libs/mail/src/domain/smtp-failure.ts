/**
 * What a failed send means for the message. A permanent reply (5xx, except 503 "bad
 * sequence") to RCPT TO, or one after DATA with an enhanced status 5.1.x (bad mailbox),
 * says the address is dead: `permanent`, and the address is suppressed. Any other 5xx after
 * DATA refuses this message (too large, content), not the address: `rejected`, the message
 * fails and the address stays. A 5xx to AUTH or MAIL FROM is our configuration's problem,
 * and a dropped connection or a 4xx is worth trying again.
 */
export type SmtpFailure = { kind: 'transient' | 'rejected' | 'permanent'; error: string };

interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
}

const BAD_MAILBOX = /\b5\.1\.\d{1,3}\b/;

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as SmtpErrorLike;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command : null;
  const text = describe(e, code, command);
  const refused = code !== null && code >= 500 && code < 600 && code !== 503;
  if (refused && command === 'RCPT TO') return { kind: 'permanent', error: text };
  if (refused && command === 'DATA') return { kind: BAD_MAILBOX.test(text) ? 'permanent' : 'rejected', error: text };
  return { kind: 'transient', error: text };
}

function describe(e: SmtpErrorLike, code: number | null, command: string | null): string {
  const response = typeof e.response === 'string' ? e.response.trim() : null;
  const message = response ?? (typeof e.message === 'string' ? e.message : String(e));
  const parts = [typeof e.code === 'string' ? e.code : null, command, code !== null && !response ? String(code) : null].filter(Boolean);
  return `${parts.length ? `${parts.join(' ')}: ` : ''}${message}`.slice(0, 1000);
}
