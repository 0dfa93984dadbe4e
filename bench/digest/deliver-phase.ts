import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { HttpClient } from '../intake/http';
import { coresBetween, CpuMeter, CpuUse } from '../matching/cpu';
import { MailMessage } from '../../libs/mail/src/persistence/mail-message.repository';
import { messageOptions } from '../../libs/mail/src/application/message-options';
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
  /** Who used the CPU from the POST to the last digest sent (the SMTP sink runs in `bench`). */
  cpu: CpuUse;
}

async function count(db: Pool, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query<{ n: number }>(sql, params)).rows[0].n;
}

/**
 * The real path, API and worker as two processes: a coordinator asks for the week's run,
 * the worker composes and stores each digest, the mail sender delivers them to the sink.
 */
export async function deliverWeek(http: HttpClient, token: string, db: Pool, sink: SmtpSink, meter: CpuMeter, week: string, timeoutMs: number, signal: AbortSignal): Promise<DeliveryStats> {
  sink.reset();
  const before = await meter.sample();
  const started = Date.now();
  const run = await http.send('POST', '/api/v1/digests/runs', { week }, token);
  if (run.status >= 300) throw new Error(`POST /digests/runs answered ${run.status}: ${JSON.stringify(run.body)}`);
  const planned: number = run.body.planned;
  const skipped: number = run.body.skipped ?? 0;
  const expected = planned - skipped;
  let composedSeconds = NaN;
  let deliveredSeconds = NaN;
  const deadline = started + timeoutMs;
  // Polled cheaply, as the run's own CPU is measured: the planned count reads the partial
  // index of planned digests, and the join over the week's messages runs only once the sink
  // has received as many messages as there are digests to send.
  while (Date.now() < deadline && Number.isNaN(deliveredSeconds)) {
    signal.throwIfAborted();
    if (Number.isNaN(composedSeconds) && (await count(db, `SELECT count(*)::int AS n FROM digest WHERE status = 'planned' AND week = $1`, [week])) === 0) {
      composedSeconds = (Date.now() - started) / 1000;
    }
    if (sink.received >= expected) {
      const [row] = (
        await db.query<{ sent: number; last: Date | null }>(
          `SELECT count(*) FILTER (WHERE m.status IN ('sent', 'failed', 'suppressed', 'skipped'))::int AS sent, max(m.sent_at) AS last
             FROM digest d JOIN mail_message m ON m.id = d.mail_message_id WHERE d.week = $1`,
          [week],
        )
      ).rows;
      if (row.sent >= expected && row.last) deliveredSeconds = (row.last.getTime() - started) / 1000;
    }
    if (Number.isNaN(deliveredSeconds)) await new Promise((r) => setTimeout(r, 100));
  }
  const cpu = coresBetween(before, await meter.sample());
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
    cpu,
  };
  const receivedBefore = sink.received;
  const rerun = await http.send('POST', '/api/v1/digests/runs', { week }, token);
  await new Promise((r) => setTimeout(r, 3000));
  return { ...stats, rerunPlanned: rerun.body.planned ?? NaN, rerunReceived: sink.received - receivedBefore };
}

/**
 * The floor: the week's very digests (the stored rows, headers built as the worker builds
 * them, so the same bytes on the wire), read and prepared before the clock starts, sent
 * straight to the same sink with a nodemailer pool configured as the worker's. No database,
 * no queue, no composing.
 */
export async function rawSmtp(db: Pool, sink: SmtpSink, week: string, mailFrom: string, concurrency: number, meter: CpuMeter): Promise<RawSend> {
  const { rows } = await db.query<MailMessageRow>(
    `SELECT m.id, m.recipient_user_id AS "recipientUserId", m.to_address AS "toAddress", m.to_name AS "toName", m.subject, m.html,
            m.text_body AS "textBody", m.inline_images AS "inlineImages", m.attachments, m.unsubscribe_url AS "unsubscribeUrl",
            m.message_id AS "messageId", m.created_at AS "createdAt"
       FROM digest d JOIN mail_message m ON m.id = d.mail_message_id WHERE d.week = $1 AND m.status = 'sent'`,
    [week],
  );
  const messages = rows.map((row) => messageOptions({ ...row, kind: 'digest', category: 'digest', attempts: 1 } as MailMessage, mailFrom));
  sink.reset();
  const transport = createTransport({ url: sink.url, pool: true, maxConnections: Math.min(concurrency, 20), maxRequeues: 0 } as never);
  const before = await meter.sample();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages.length) await transport.sendMail(messages[next++]);
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const cpu = coresBetween(before, await meter.sample());
  transport.close();
  return { messages: messages.length, seconds, averageKb: sink.bytes / Math.max(1, sink.received) / 1024, cpu };
}

export interface RawSend {
  messages: number;
  seconds: number;
  /** As the sink counted it: the same as the digests' when the baseline is honest. */
  averageKb: number;
  /** The sender and the sink are both this process (`bench`). */
  cpu: CpuUse;
}

type MailMessageRow = Omit<MailMessage, 'kind' | 'category' | 'attempts'>;
