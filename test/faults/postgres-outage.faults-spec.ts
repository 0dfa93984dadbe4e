import { FaultStack, ZONE_MANAGERS } from './support/fault-stack';
import { Answer } from './support/http';
import { Intake } from './support/intake';
import { waitAllRouted } from './support/ledger';
import { sleep } from './support/processes';
import { printTable, seconds, tally } from './support/report';

const OUTAGE_MS = 10_000;
/** After PostgreSQL is back, each kind of request succeeds again within this. */
const RECOVERY_MS = 5_000;

interface Sample {
  what: string;
  answer: Answer;
}

/**
 * PostgreSQL stops (a fast shutdown, as a failover or `pg_ctl stop -m fast` does) for ten
 * seconds while clients keep calling the API. Every request that needs the database must
 * answer 503 with Retry-After and DATABASE_UNAVAILABLE, never 500 and never hang, and the same
 * processes must serve again once it is back; what was accepted is routed, what was refused
 * was not stored.
 */
describe('PostgreSQL away for ten seconds', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.start('postgres-outage');
  }, 120_000);
  afterAll(() => stack?.close());

  it('answers 503 + Retry-After while it is away, never 500, and serves again at once', async () => {
    const token = await stack.login(ZONE_MANAGERS[0]);
    const intake = new Intake(stack.http, [token], 5);
    const samples: Sample[] = [];
    let polling = true;
    const poll = async (what: string, everyMs: number, call: () => Promise<Answer>) => {
      while (polling) {
        samples.push({ what, answer: await call() });
        await sleep(everyMs);
      }
    };
    const pollers = [
      poll('GET /tickets', 100, () => stack.http.call('GET', '/api/v1/tickets?limit=5', { token })),
      poll('POST /demand-lists', 200, () => intake.fileOne(token)),
      poll('GET /health/ready', 500, () => stack.http.call('GET', '/health/ready')),
    ];

    await sleep(2_000);
    const stoppingAt = Date.now();
    await stack.pg.stop();
    await sleep(OUTAGE_MS - (Date.now() - stoppingAt));
    await stack.pg.start();
    const backAt = Date.now();
    await sleep(RECOVERY_MS);
    polling = false;
    await Promise.all(pollers);

    const phase = (s: Sample) => (s.answer.at < stoppingAt ? 'before' : s.answer.at < backAt ? 'outage' : 'after');
    const kinds = ['GET /tickets', 'POST /demand-lists', 'GET /health/ready'];
    const firstSuccessAfter = (what: string) => samples.find((s) => s.what === what && phase(s) === 'after' && s.answer.status < 300)?.answer.at;
    const apiSamples = samples.filter((s) => s.what !== 'GET /health/ready');
    const failures = apiSamples.filter((s) => s.answer.status >= 300 || s.answer.status === 0);
    const proper = failures.filter((s) => s.answer.status === 503 && s.answer.retryAfter && s.answer.code === 'DATABASE_UNAVAILABLE');
    printTable('PostgreSQL stopped for ten seconds: answers by phase', kinds.flatMap((what) => ['before', 'outage', 'after'].map((p) => {
      const answers = samples.filter((s) => s.what === what && phase(s) === p).map((s) => s.answer);
      return {
        request: what,
        phase: p,
        answers: tally(answers.map((a) => `${a.status}${a.code && a.status >= 300 ? ` ${a.code}` : ''}`)),
        'with Retry-After': answers.filter((a) => a.retryAfter).length,
        'slowest (ms)': answers.length ? Math.max(...answers.map((a) => a.ms)) : null,
      };
    })));

    const ledger = await waitAllRouted(stack, intake.ticketIds, 30_000);
    const [{ stored }] = await stack.sql(`SELECT count(*)::int AS stored FROM demand_list`);
    const recovered = kinds.map((what) => firstSuccessAfter(what));
    printTable('PostgreSQL stopped for ten seconds: totals', [{
      'outage (s)': seconds(backAt - stoppingAt),
      'API requests': apiSamples.length,
      '500s': apiSamples.filter((s) => s.answer.status === 500).length,
      'no answer': apiSamples.filter((s) => s.answer.status === 0).length,
      'failures that are 503 + Retry-After + DATABASE_UNAVAILABLE': `${proper.length}/${failures.length}`,
      'first success after restart (s)': recovered.map((at) => (at === undefined ? '–' : seconds(at - backAt))).join(' / '),
      'lists accepted / stored': `${intake.filed.length} / ${stored}`,
      'tickets lost': ledger.lost,
    }]);

    expect(apiSamples.filter((s) => phase(s) === 'before').every((s) => s.answer.status < 300)).toBe(true);
    expect(apiSamples.filter((s) => phase(s) === 'outage' && s.answer.status === 503).length).toBeGreaterThan(10);
    expect(apiSamples.filter((s) => s.answer.status === 500)).toEqual([]);
    expect(failures.filter((s) => !proper.includes(s)).map((s) => ({ what: s.what, status: s.answer.status, code: s.answer.code, error: s.answer.error }))).toEqual([]);
    expect(samples.filter((s) => s.what === 'GET /health/ready' && phase(s) === 'outage').some((s) => s.answer.status === 503)).toBe(true);
    for (const at of recovered) expect(at! - backAt).toBeLessThanOrEqual(RECOVERY_MS);
    expect(stored).toBe(intake.filed.length);
    expect(ledger.lost).toBe(0);
    expect(ledger.duplicates).toBe(0);
  });
});
