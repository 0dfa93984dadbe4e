/**
 * What a failed send means for the message. Only a permanent reply (5xx, except 503 "bad
 * sequence") to the recipient or to the message itself says something about the address;
 * a 5xx to AUTH or MAIL FROM is our configuration's problem, and a dropped connection or a
 * 4xx is worth trying again. Permanent failures suppress the address.
 */
export type SmtpFailure = { kind: 'transient'; error: string } | { kind: 'permanent'; error: string };

interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
}

const ADDRESS_COMMANDS = new Set(['RCPT TO', 'DATA']);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as SmtpErrorLike;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command : null;
  const text = describe(e, code, command);
  const permanent = code !== null && code >= 500 && code < 600 && code !== 503 && command !== null && ADDRESS_COMMANDS.has(command);
  return { kind: permanent ? 'permanent' : 'transient', error: text };
}

function describe(e: SmtpErrorLike, code: number | null, command: string | null): string {
  const response = typeof e.response === 'string' ? e.response.trim() : null;
  const message = response ?? (typeof e.message === 'string' ? e.message : String(e));
  const parts = [typeof e.code === 'string' ? e.code : null, command, code !== null && !response ? String(code) : null].filter(Boolean);
  return `${parts.length ? `${parts.join(' ')}: ` : ''}${message}`.slice(0, 1000);
}
