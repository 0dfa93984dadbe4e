import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { HttpClient } from '../intake/http';
import { SmtpSink } from './smtp-sink';

export interface DeliveryStats {
  planned: number;
  skipped: number;
  /** POST /digests/runs → every digest composed (stored as a message). */
  composedSeconds: number;
  /** POST /digests/runs → the sink has received every message. */
  deliveredSeconds: number;
  received: number;
  duplicates: number;
  failed: number;
  averageKb: number;
  /** A second POST of the same week: what it planned and what the sink received after it. */
  rerunPlanned: number;
  rerunReceived: number;
}

async function count(db: Pool, sql: string): Promise<number> {
  return (await db.query<{ n: number }>(sql)).rows[0].n;
}

/**
 * The real path, API and worker as two processes: a coordinator asks for the week's run,
 * the worker composes and stores each digest, the mail sender delivers them to the sink.
 */
export async function deliverWeek(http: HttpClient, token: string, db: Pool, sink: SmtpSink, week: string, timeoutMs: number, signal: AbortSignal): Promise<DeliveryStats> {
  sink.reset();
  const started = Date.now();
  const run = await http.send('POST', '/api/v1/digests/runs', { week }, token);
  if (run.status >= 300) throw new Error(`POST /digests/runs answered ${run.status}: ${JSON.stringify(run.body)}`);
  const planned: number = run.body.planned;
  const skipped: number = run.body.skipped ?? 0;
  const expected = planned - skipped;
  let composedSeconds = NaN;
  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    if (Number.isNaN(composedSeconds) && (await count(db, `SELECT count(*)::int AS n FROM digest WHERE status = 'planned'`)) === 0) {
      composedSeconds = (Date.now() - started) / 1000;
    }
    if (sink.received >= expected && !Number.isNaN(composedSeconds)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const deliveredSeconds = ((sink.lastAt || Date.now()) - started) / 1000;
  const stats = {
    planned,
    skipped,
    composedSeconds,
    deliveredSeconds,
    received: sink.received,
    duplicates: sink.duplicates,
    failed: await count(db, `SELECT count(*)::int AS n FROM mail_message WHERE status = 'failed'`),
    averageKb: sink.bytes / Math.max(1, sink.received) / 1024,
  };
  const before = sink.received;
  const rerun = await http.send('POST', '/api/v1/digests/runs', { week }, token);
  await new Promise((r) => setTimeout(r, 3000));
  return { ...stats, rerunPlanned: rerun.body.planned ?? NaN, rerunReceived: sink.received - before };
}

/**
 * The floor: the same number of messages of the same size, pre-built, sent straight to the
 * sink with nodemailer's pool at the worker's concurrency. No database, no queue, no composing.
 */
export async function rawSmtp(sink: SmtpSink, messages: number, averageKb: number, concurrency: number): Promise<number> {
  sink.reset();
  const transport = createTransport({ url: sink.url, pool: true, maxConnections: concurrency, maxMessages: Infinity } as never);
  const html = `<html><body>${'压测摘要内容 '.repeat(Math.max(1, Math.round((averageKb * 1024) / 20)))}</body></html>`;
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const n = next++;
        await transport.sendMail({ from: 'bench@enterpark.local', to: `raw.${n}@bench.test`, subject: '压测', html, text: '压测' });
      }
    }),
  );
  transport.close();
  return (Date.now() - started) / 1000;
}
