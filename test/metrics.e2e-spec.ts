import { readFileSync } from 'node:fs';
import { settleQueues, TestContext } from '@enterpark/testing';
import { WorkerMetricsServer } from '../apps/worker/src/worker-metrics-server';

const METRICS_TOKEN = 'metrics-token-0123456789';

/** The value of one sample line (`name{labels} value`), or null when the line is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = line.match(/^([a-z_:]+)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return null;
}

describe('operators scrape /metrics from the API and the worker', () => {
  let ctx: TestContext;
  let managerToken: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ env: { METRICS_TOKEN, METRICS_PORT: '0' } });
    const zoneId = (await ctx.newZone()).id;
    managerToken = (await ctx.newUser('zone_manager', { zoneId })).token;
    await ctx.newUser('desk_staff', { desks: ['finance'] });
  });
  afterAll(() => ctx.close());

  async function scrape(token: string | null = METRICS_TOKEN) {
    const res = await fetch(`${ctx.baseUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  }

  it('answers 401 without the METRICS_TOKEN bearer token, or with another', async () => {
    expect((await scrape(null)).status).toBe(401);
    const wrong = await scrape('metrics-token-9876543210');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text).message).toContain('METRICS_TOKEN');
    const user = await scrape(managerToken);
    expect(user.status).toBe(401);
  });

  it('counts requests by route pattern and status, and reads tickets, outbox and queues from the shared state', async () => {
    const filed = await ctx.request('POST', '/api/v1/demand-lists', {
      token: managerToken,
      body: { title: '指标测试清单', period: '2026-Q4', items: [{ type: 'finance', title: '贷款贴息' }, { type: 'finance', title: '园区贷' }] },
    });
    expect(filed.status).toBe(201);
    await ctx.request('GET', `/api/v1/tickets/${filed.body.tickets[0].id}`, { token: managerToken });
    await ctx.request('GET', '/no/such/page', { headers: { accept: 'application/json' } });
    await ctx.waitFor(async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE status = 'routed'`))[0].n === 2, 10_000, 'routed');
    await settleQueues(ctx, ['routing', 'notifications', 'mail']);

    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/plain');
    const text = res.text;
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/demand-lists', status_code: '201' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/tickets/:id', status_code: '200' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' })).toBe(1);
    const byState = await ctx.sql(`SELECT status, coalesce(sla_stage, 'none') AS stage, count(*)::int AS n FROM ticket GROUP BY 1, 2`);
    expect(byState).toEqual([{ status: 'routed', stage: expect.any(String), n: 2 }]);
    expect(sample(text, 'enterpark_tickets_open', { status: 'routed', sla_stage: byState[0].stage })).toBe(2);
    expect(sample(text, 'enterpark_outbox_unpublished')).toBe(0);
    expect(sample(text, 'enterpark_outbox_oldest_unpublished_seconds')).toBe(0);
    expect(sample(text, 'enterpark_queue_jobs', { queue: 'routing', state: 'waiting' })).toBe(0);
    expect(sample(text, 'enterpark_queue_jobs', { queue: 'timers', state: 'delayed' })).toBe(1); // the sweep's schedule
    // One routing job routed the list's two tickets (demand_list.filed).
    expect(sample(text, 'enterpark_job_duration_seconds_count', { queue: 'routing', result: 'completed' })).toBe(1);
    // Each routed ticket's assignee is told: one stored message each, written as .eml without SMTP.
    const [mail] = await ctx.sql(`SELECT count(*)::int AS n FROM mail_message WHERE status = 'sent'`);
    expect(mail.n).toBeGreaterThan(0);
    expect(sample(text, 'enterpark_mail_messages_total', { outcome: 'sent' })).toBe(mail.n);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'enterpark_scrape_sample_errors')).toBe(0);
  });

  it('exposes every metric the Grafana dashboard in docker/ charts', async () => {
    const dashboard = JSON.parse(readFileSync('docker/grafana/enterpark-dashboard.json', 'utf8'));
    const exprs: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) => p.targets.map((t) => t.expr));
    const charted = new Set(exprs.flatMap((e) => [...e.matchAll(/\b((?:http|enterpark|process)_[a-z_]+)/g)].map((m) => m[1])));
    const text = (await scrape()).text;
    const exposed = new Set([...text.matchAll(/^# TYPE (\S+)/gm)].flatMap((m) => [m[1], `${m[1]}_bucket`, `${m[1]}_count`, `${m[1]}_sum`]));
    expect(charted.size).toBeGreaterThan(10);
    expect([...charted].filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('serves the worker\'s own metrics on METRICS_PORT, with the same token rule', async () => {
    const port = ctx.worker!.get(WorkerMetricsServer).port;
    expect(port).toBeGreaterThan(0);
    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(sample(text, 'enterpark_job_duration_seconds_count', { queue: 'routing', result: 'completed' })).toBe(1);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });

  it('shows breached clocks by stage, and the outbox backlog with the age of its oldest event', async () => {
    const [ticket] = await ctx.sql(`SELECT id, sla_stage FROM ticket WHERE sla_stage IS NOT NULL LIMIT 1`);
    await ctx.sql(`UPDATE ticket SET sla_breached_at = $2 WHERE id = $1`, [ticket.id, ctx.clock.now()]);
    // With no worker running, an event written a minute ago waits for the relay.
    await ctx.stopWorker();
    const [event] = await ctx.sql(`SELECT max(seq) AS seq FROM event`);
    await ctx.sql(`UPDATE event SET published_at = NULL, occurred_at = $2 WHERE seq = $1`, [event.seq, new Date(ctx.clock.now().getTime() - 60_000)]);
    const text = (await scrape()).text;
    expect(sample(text, 'enterpark_sla_breached_clocks', { sla_stage: ticket.sla_stage })).toBe(1);
    expect(sample(text, 'enterpark_outbox_unpublished')).toBe(1);
    expect(sample(text, 'enterpark_outbox_oldest_unpublished_seconds')).toBeGreaterThanOrEqual(60);
    expect(sample(text, 'enterpark_outbox_oldest_unpublished_seconds')).toBeLessThan(120);
  });
});
