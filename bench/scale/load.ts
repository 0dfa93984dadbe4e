import { Pool } from 'pg';
import { NOTIFIED } from './checks';
import { closedLoop, ListFiler, LoadResult, timed } from '../intake/load';
import { HttpClient } from '../intake/http';
import { Filer } from '../intake/seed';
import { Desk } from '../matching/seed';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Work waiting for the workers, read every 200 ms: tickets not yet routed, events of this
 * configuration whose notifications are not yet composed, stored mail not yet sent. Full speed
 * files far faster than workers route, compose and send on two cores; the cap keeps the
 * backlog, and so the drain after each configuration, bounded.
 */
export class Backlog {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private waiting = 0;

  constructor(private readonly db: Pool, private readonly cap: number) {}

  async start(): Promise<void> {
    const [{ seq }] = (await this.db.query(`SELECT coalesce(max(seq), 0) AS seq FROM event`)).rows;
    const read = () =>
      this.db
        .query(
          `SELECT (SELECT count(*) FROM ticket WHERE status = 'submitted')
                + (SELECT count(*) FROM event e WHERE e.seq > $1 AND e.name = ANY($2)
                      AND NOT EXISTS (SELECT 1 FROM notification_receipt r WHERE r.event_id = e.id))
                + (SELECT count(*) FROM mail_message WHERE status IN ('queued', 'sending')) AS n`,
          [seq, NOTIFIED],
        )
        .then(({ rows }) => (this.waiting = Number(rows[0].n)), () => undefined)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(read, 200);
        });
    await read();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  readonly full = () => this.waiting >= this.cap;
}

/** Full speed through every API at once: `connections` closed loops on each, holding while the backlog is full; one result for all. */
export async function fileThroughAll(
  clients: HttpClient[], filers: Filer[], items: number, period: string, connections: number, seconds: number, signal: AbortSignal, hold?: () => boolean,
): Promise<LoadResult> {
  const results = await Promise.all(clients.map((http) => new ListFiler(http, filers, items, signal).fullSpeed(period, connections, seconds, hold)));
  const merged: LoadResult = { startedAt: Math.min(...results.map((r) => r.startedAt)), elapsedMs: Math.max(...results.map((r) => r.elapsedMs)), accepted: 0, failed: 0, failures: {}, ackMs: [] };
  for (const r of results) {
    merged.accepted += r.accepted;
    merged.failed += r.failed;
    merged.ackMs.push(...r.ackMs);
    for (const [why, n] of Object.entries(r.failures)) merged.failures[why] = (merged.failures[why] ?? 0) + n;
  }
  return merged;
}

/**
 * Desk staff accepting every n-th ticket of a phase once it is routed (POST /tickets/:id/accept,
 * alternating over the APIs), so that matching proposes a provider and mails it while intake
 * runs. Polls the database for newly routed tickets until stopped.
 */
export class DeskAcceptor {
  private readonly seen = new Set<string>();
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  readonly result: LoadResult = { startedAt: Date.now(), elapsedMs: 0, accepted: 0, failed: 0, failures: {}, ackMs: [] };

  constructor(
    private readonly db: Pool,
    private readonly clients: HttpClient[],
    private readonly staff: Desk[],
    private readonly every: number,
    private readonly signal: AbortSignal,
  ) {}

  start(period: string): void {
    this.running = true;
    this.loop = this.run(period);
  }

  /** Stops polling after one last round, so tickets routed before the call are accepted too. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(period: string): Promise<void> {
    let n = 0;
    for (let last = false; !last && !this.signal.aborted; ) {
      last = !this.running;
      const { rows } = await this.db.query<{ id: string; desk: string; assignee_id: string }>(
        `SELECT t.id, t.desk, t.assignee_id FROM ticket t JOIN demand_list l ON l.id = t.demand_list_id
          WHERE l.period = $1 AND t.status = 'routed' AND t.seq % $2 = 0`,
        [period, this.every],
      );
      const fresh = rows.filter((r) => !this.seen.has(r.id));
      fresh.forEach((r) => this.seen.add(r.id));
      await closedLoop(4, () => fresh.length > 0, this.signal, (sentAt, result) => {
        const ticket = fresh.pop()!;
        const desk = this.staff.find((s) => s.userId === ticket.assignee_id) ?? this.staff.find((s) => s.desk === ticket.desk)!;
        const http = this.clients[n++ % this.clients.length];
        return timed(result, sentAt, 200, () => http.send('POST', `/api/v1/tickets/${ticket.id}/accept`, {}, desk.token));
      }).then((r) => this.add(r));
      if (!last) await sleep(250);
    }
  }

  private add(r: LoadResult): void {
    this.result.accepted += r.accepted;
    this.result.failed += r.failed;
    for (const [why, count] of Object.entries(r.failures)) this.result.failures[why] = (this.result.failures[why] ?? 0) + count;
  }
}
