import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { HttpClient } from '../intake/http';
import { SmtpSink } from './smtp-sink';

export interface DeliveryStats {
  planned: number;
  skipped: number;
  /** POST /digests/runs → every digest composed (stored as a message). */
  composedSeconds: number;
  /** POST /digests/runs → the last digest sent (accepted by the sink). */
  deliveredSeconds: number;
  received: number;
  /** Messages received twice (same Message-ID). */
  resent: number;
  /** Every message the run stored, by kind: digests, and any notification the system sent meanwhile. */
  storedByKind: Record<string, number>;
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
  let deliveredSeconds = NaN;
  const deadline = started + timeoutMs;
  while (Date.now() < deadline && Number.isNaN(deliveredSeconds)) {
    signal.throwIfAborted();
    const [row] = (
      await db.query<{ planned: number; sent: number; last: Date | null }>(
        `SELECT (SELECT count(*)::int FROM digest WHERE status = 'planned') AS planned,
                count(*) FILTER (WHERE status IN ('sent', 'failed', 'suppressed', 'skipped'))::int AS sent, max(sent_at) AS last
           FROM mail_message WHERE kind = 'digest'`,
      )
    ).rows;
    if (Number.isNaN(composedSeconds) && row.planned === 0) composedSeconds = (Date.now() - started) / 1000;
    if (row.sent >= expected && row.last) deliveredSeconds = (row.last.getTime() - started) / 1000;
    else await new Promise((r) => setTimeout(r, 100));
  }
  const stats = {
    planned,
    skipped,
    composedSeconds,
    deliveredSeconds,
    received: sink.received,
    resent: sink.resent,
    storedByKind: Object.fromEntries(
      (await db.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM mail_message GROUP BY kind ORDER BY kind`)).rows.map((r) => [r.kind, r.n]),
    ),
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
