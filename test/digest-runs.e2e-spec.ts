import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IsoWeek, isoWeekOf, lastFinishedWeek, previousWeek, Role, ServiceType } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { JobPayloads, queueConnection } from '@enterpark/events';
import { CreateUserService, toActor, User } from '@enterpark/identity';
import { MailPreferencesService } from '@enterpark/mail';
import { ComposeDigestService, DigestRunService, RedriveStuckDigestsService } from '@enterpark/digests';
import { TEST_EPOCH, TestClock, TestContext, TestSmtpServer, uniqueSuffix } from '@enterpark/testing';
import { DigestsProcessor } from '../apps/worker/src/digests/digests.processor';
import { createWorkerApp } from '../apps/worker/src/worker-app';

const WORKER_ENTRY = join(__dirname, '..', 'dist', 'apps', 'worker', 'src', 'main.js');
const DAY_MS = 24 * 3600 * 1000;
const RUNS = '/api/v1/digests/runs';

type PersonSpec = [Role, { zone?: boolean; desks?: ServiceType[] }];

const weeksBefore = (week: IsoWeek, n: number): IsoWeek => (n === 0 ? week : weeksBefore(previousWeek(week), n - 1));
/** Wednesday 10:00 in Shanghai of `week`: when the accounts of a scenario are created. */
const midweek = (week: IsoWeek): Date => new Date(week.startsAt.getTime() + 2 * DAY_MS + 10 * 3600 * 1000);

const queue = (ctx: TestContext, name: string) => ctx.api.get<Queue>(getQueueToken(name), { strict: false });

/** Nothing waiting; a delayed job counts unless it is the scheduler's next trigger. */
async function nothingWaiting(ctx: TestContext): Promise<boolean> {
  for (const name of ['digests', 'mail']) {
    const q = queue(ctx, name);
    if ((await q.getWaitingCount()) + (await q.getPrioritizedCount()) > 0) return false;
    if ((await q.getDelayed()).some((job) => !job.repeatJobKey)) return false;
  }
  return true;
}

async function queuesIdle(ctx: TestContext): Promise<boolean> {
  return (await nothingWaiting(ctx)) && (await queue(ctx, 'digests').getActiveCount()) + (await queue(ctx, 'mail').getActiveCount()) === 0;
}

/** Every digest of `weeks` composed or skipped, every message of theirs in a final state, nothing queued. */
async function settled(ctx: TestContext, weeks: string[]): Promise<boolean> {
  const [row] = await ctx.sql(
    `SELECT count(*) FILTER (WHERE d.status = 'planned')::int AS planned,
            count(*) FILTER (WHERE m.status IN ('queued', 'sending'))::int AS sending
       FROM digest d LEFT JOIN mail_message m ON m.id = d.mail_message_id
      WHERE d.week = ANY ($1)`,
    [weeks],
  );
  return row.planned === 0 && row.sending === 0 && (await nothingWaiting(ctx));
}

/** The digest messages stored for `userId`: week → Message-ID. */
async function storedDigests(ctx: TestContext, userId: string): Promise<Map<string, string>> {
  const rows = await ctx.sql(`SELECT d.week, m.message_id FROM digest d JOIN mail_message m ON m.id = d.mail_message_id WHERE d.recipient_id = $1`, [userId]);
  return new Map(rows.map((r) => [r.week as string, r.message_id as string]));
}

const messageIds = (smtp: TestSmtpServer, address: string): string[] => smtp.to(address).map((m) => m.header('message-id') ?? '');

/** Each recipient received exactly the messages stored for their digests: one per week, none twice. */
async function expectOneEmailPerDigest(ctx: TestContext, smtp: TestSmtpServer, users: User[], weeks: string[]): Promise<void> {
  for (const user of users) {
    const stored = await storedDigests(ctx, user.id);
    expect([...stored.keys()].sort()).toEqual([...weeks].sort());
    expect(messageIds(smtp, user.email).sort()).toEqual([...stored.values()].sort());
  }
}

async function createPeople(ctx: TestContext, spec: PersonSpec[]): Promise<User[]> {
  const zone = await ctx.newZone();
  const people: User[] = [];
  for (const [role, extra] of spec) people.push((await ctx.newUser(role, { zoneId: extra.zone ? zone.id : undefined, desks: extra.desks })).user);
  return people;
}

async function optOutOfDigests(ctx: TestContext, user: User): Promise<void> {
  await ctx.api.get(MailPreferencesService).update(toActor(user), user.id, { digest: false, notifications: true, assignments: true });
}

async function bootstrapAdmin(ctx: TestContext): Promise<User> {
  const [admin] = await ctx.sql(`SELECT id, email FROM app_user WHERE email = $1`, [ctx.config.bootstrapAdminEmail]);
  return admin;
}

describe('weekly digest runs: one digest per (recipient, ISO week), exactly once', () => {
  const now = TEST_EPOCH;
  const last = lastFinishedWeek(now);
  const [first, second] = [weeksBefore(last, 4), weeksBefore(last, 3)];
  const catchUp = [weeksBefore(last, 2), weeksBefore(last, 1), last];
  const allWeeks = [first, second, ...catchUp].map((w) => w.id);
  let smtp: TestSmtpServer;
  let clock: TestClock;
  let ctx: TestContext;
  let coordinator: string;
  let people: Record<'zmA' | 'zmB' | 'rejecting' | 'financeDesk' | 'mediaDesk' | 'coordinator' | 'viewer' | 'optedOut', User>;
  let receiving: User[];

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    clock = new TestClock(midweek(first));
    ctx = await TestContext.create({ clock, env: { SMTP_URL: smtp.url, DIGEST_CRON: '30 7 * * 1' } });
    // The boot's own run finds nothing due (no account existed before this week).
    await ctx.waitFor(() => queuesIdle(ctx), 10_000, 'boot run');
    const [zmA, zmB, rejecting, financeDesk, mediaDesk, coord, viewer, optedOut] = await createPeople(ctx, [
      ['zone_manager', { zone: true }],
      ['zone_manager', { zone: true }],
      ['zone_manager', { zone: true }],
      ['desk_staff', { desks: ['finance'] }],
      ['desk_staff', { desks: ['media', 'training'] }],
      ['coordinator', {}],
      ['viewer', {}],
      ['viewer', {}],
    ]);
    people = { zmA, zmB, rejecting, financeDesk, mediaDesk, coordinator: coord, viewer, optedOut };
    receiving = [await bootstrapAdmin(ctx), zmA, zmB, financeDesk, mediaDesk, coord, viewer];
    await optOutOfDigests(ctx, optedOut);
    clock.set(now);
    coordinator = await ctx.coordinatorToken();
    // This address fails permanently (550): the sender suppresses it.
    smtp.verdict = (to) => (to.includes(rejecting.email) ? { action: 'reject', code: 550, message: '5.1.1 mailbox unavailable' } : { action: 'accept' });
  });

  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it('running a week twice plans, composes and sends one digest per recipient', async () => {
    const run = await ctx.request('POST', RUNS, { token: coordinator, body: { week: first.id } });
    expect(run.status).toBe(202);
    expect(run.body).toEqual({ week: first.id, planned: 9, alreadyPlanned: 0, skipped: 1 });
    await ctx.waitFor(() => settled(ctx, [first.id]), 30_000, 'first week sent');

    const again = await ctx.request('POST', RUNS, { token: coordinator, body: { week: first.id } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ week: first.id, planned: 0, alreadyPlanned: 9, skipped: 0 });
    await ctx.waitFor(() => queuesIdle(ctx), 10_000, 'queues idle after the re-run');
    await new Promise((r) => setTimeout(r, 300));

    const digests = await ctx.sql(`SELECT recipient_id, status FROM digest WHERE week = $1`, [first.id]);
    expect(digests).toHaveLength(9);
    await expectOneEmailPerDigest(ctx, smtp, receiving, [first.id]);
    expect(await ctx.sql(`SELECT 1 FROM mail_message WHERE kind = 'digest'`)).toHaveLength(8);
    // Switched off: planned as skipped, never composed. Refused with 550: composed once, never received.
    expect(digests.find((d) => d.recipient_id === people.optedOut.id)?.status).toBe('skipped');
    expect(smtp.to(people.optedOut.email)).toHaveLength(0);
    expect(smtp.to(people.rejecting.email)).toHaveLength(0);
    expect(smtp.received).toHaveLength(7);
  });

  it('a compose job lost from Redis, and one held by a frozen worker, are taken over; nothing doubles', async () => {
    const real = ctx.worker!.get(DigestsProcessor).worker;
    await real.pause();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compose = ctx.worker!.get(ComposeDigestService);
    const { connection, prefix } = queueConnection(ctx.config);
    // A worker that took a job and stopped making progress (a long GC pause, a partition).
    const frozen = new Worker<JobPayloads['digest.compose']>(
      'digests',
      async (job) => {
        await gate;
        return compose.execute(job.data);
      },
      { connection: connection as never, prefix },
    );
    try {
      const run = await ctx.request('POST', RUNS, { token: coordinator, body: { week: second.id } });
      // The 550 of the first week suppressed that address: skipped from now on.
      expect(run.body).toEqual({ week: second.id, planned: 9, alreadyPlanned: 0, skipped: 2 });
      await ctx.waitFor(async () => (await queue(ctx, 'digests').getActiveCount()) === 1, 10_000, 'the frozen worker holds a job');
      const [lost] = await queue(ctx, 'digests').getWaiting(0, 0);
      await lost.remove();
      real.resume();
      const planned = async () => (await ctx.sql(`SELECT 1 FROM digest WHERE week = $1 AND status = 'planned'`, [second.id])).length;
      await ctx.waitFor(async () => (await planned()) === 2 && (await queue(ctx, 'digests').getWaitingCount()) === 0, 10_000, 'the others composed');

      expect(await ctx.worker!.get(RedriveStuckDigestsService).execute(0)).toBe(2);
      await ctx.waitFor(() => settled(ctx, [second.id]), 20_000, 'the re-driven digests sent');
      release();
      await ctx.waitFor(() => queuesIdle(ctx), 10_000, 'the frozen job finished');
    } finally {
      release();
      await frozen.close();
      real.resume();
    }
    await new Promise((r) => setTimeout(r, 300));
    await expectOneEmailPerDigest(ctx, smtp, receiving, [first.id, second.id]);
    expect(smtp.received).toHaveLength(7 * 2);
  });

  it('a trigger after missed weeks plans each of them once; a second trigger plans nothing', async () => {
    await queue(ctx, 'digests').add('digests.run', {});
    await ctx.waitFor(async () => (await ctx.sql(`SELECT week FROM digest_week`)).length === 5, 10_000, 'missed weeks planned');
    await ctx.waitFor(() => settled(ctx, catchUp.map((w) => w.id)), 30_000, 'missed weeks sent');
    await queue(ctx, 'digests').add('digests.run', {});
    await ctx.waitFor(() => queuesIdle(ctx), 10_000, 'second trigger done');

    expect((await ctx.sql(`SELECT week FROM digest_week ORDER BY week`)).map((r) => r.week)).toEqual(allWeeks);
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM digest`))[0].n).toBe(9 * 5);
    await expectOneEmailPerDigest(ctx, smtp, receiving, allWeeks);
    // Suppressed after the 550, and switched off: skipped when planned, nothing stored, nothing sent.
    for (const user of [people.rejecting, people.optedOut]) {
      const statuses = await ctx.sql(`SELECT status FROM digest WHERE recipient_id = $1 AND week = ANY ($2)`, [user.id, catchUp.map((w) => w.id)]);
      expect(statuses.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped']);
      expect(smtp.to(user.email)).toHaveLength(0);
    }
    expect(smtp.received).toHaveLength(7 * 5);
  });

  it('two worker instances keep one cron scheduler, in Shanghai time', async () => {
    const second = await createWorkerApp(ctx.config, { shutdownHooks: false, clock });
    try {
      const schedulers = await queue(ctx, 'digests').getJobSchedulers();
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({ key: 'digests.weekly', name: 'digests.run', pattern: '30 7 * * 1', tz: 'Asia/Shanghai' });
      const next = new Date(schedulers[0].next! + 8 * 3600 * 1000);
      expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 7, 30]);
      // The second boot's own run found nothing due.
      await ctx.waitFor(() => queuesIdle(ctx), 10_000, 'boot run of the second instance');
      expect((await ctx.sql(`SELECT count(*)::int AS n FROM digest`))[0].n).toBe(9 * 5);
    } finally {
      await second.close();
    }
    expect(smtp.received).toHaveLength(7 * 5);
  });

  it('only coordinators run a week, and only a well-formed finished one', async () => {
    const before = await ctx.rowCounts();
    for (const user of [people.zmA, people.financeDesk, people.viewer]) {
      const res = await ctx.request('POST', RUNS, { token: await ctx.tokenFor(user), body: { week: last.id } });
      expect(res.status).toBe(403);
    }
    expect((await ctx.request('POST', RUNS, { body: { week: last.id } })).status).toBe(401);
    for (const week of ['2026-W54', '2026-W00', '2026-w47', 'W47', '2026-W4', '', 202647, null, undefined]) {
      const res = await ctx.request('POST', RUNS, { token: coordinator, body: { week } });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.details?.map((d: { field: string }) => d.field))]).toEqual(['week']);
    }
    const current = await ctx.request('POST', RUNS, { token: coordinator, body: { week: isoWeekOf(now).id } });
    expect(current.status).toBe(400);
    expect(current.body.details).toEqual([expect.objectContaining({ field: 'week', rule: 'weekEnded' })]);
    expect(await ctx.rowCounts()).toEqual(before);
  });
});

describe('a worker killed mid-run', () => {
  // The killed worker is a process of its own, on the system clock: the week is the one that
  // clock finished last, whatever the date, so that its own boot run plans the same week.
  const now = new Date();
  const week = lastFinishedWeek(now);
  let smtp: TestSmtpServer;
  let ctx: TestContext;
  let child: ChildProcess | null = null;
  let recipients: User[];
  let optedOut: User;

  beforeAll(async () => {
    if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: run \`npm run build\` first`);
    smtp = await TestSmtpServer.start();
    const clock = new TestClock(midweek(week));
    const env = { SMTP_URL: smtp.url, RECONCILE_INTERVAL_MS: '250', RECONCILE_STUCK_AFTER_MS: '1500', MAIL_SEND_LEASE_MS: '2000' };
    ctx = await TestContext.create({ worker: false, clock, env });
    const spec: PersonSpec[] = [];
    for (let i = 0; i < 4; i++) spec.push(['zone_manager', { zone: true }], ['desk_staff', { desks: ['finance'] }], ['viewer', {}]);
    spec.push(['coordinator', {}], ['viewer', {}]);
    const created = await createPeople(ctx, spec);
    optedOut = created.pop()!;
    await optOutOfDigests(ctx, optedOut);
    recipients = [await bootstrapAdmin(ctx), ...created];
    clock.set(now);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await ctx?.close();
    await smtp?.close();
  });

  function spawnWorker(config: AppConfig): { child: ChildProcess; exited: Promise<unknown>; log: () => string } {
    let output = '';
    const proc = spawn(process.execPath, [WORKER_ENTRY], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: config.databaseUrl,
        REDIS_URL: config.redisUrl,
        QUEUE_PREFIX: config.queuePrefix,
        JWT_SECRET: config.jwtSecret,
        SMTP_URL: smtp.url,
        MIGRATIONS_RUN: 'false',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        // One message at a time: while the server holds one, every later one waits in the queue.
        MAIL_SEND_CONCURRENCY: '1',
        MAIL_SEND_LEASE_MS: '2000',
        RECONCILE_INTERVAL_MS: '250',
        RECONCILE_STUCK_AFTER_MS: '1500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (d) => (output += d));
    proc.stderr!.on('data', (d) => (output += d));
    return { child: proc, exited: new Promise((resolve) => proc.once('exit', resolve)), log: () => output };
  }

  it('every recipient ends with one digest, one message and one received email', async () => {
    let phase: 'child' | 'killed' | 'recovering' = 'child';
    let worker: ReturnType<typeof spawnWorker> | null = null;
    smtp.verdict = () => {
      if (phase === 'recovering') return { action: 'accept' };
      if (phase === 'child' && smtp.received.length < 1) return { action: 'accept' };
      // The second message: the server never answers its DATA, and the worker dies meanwhile.
      if (phase === 'child') worker!.child.kill('SIGKILL');
      phase = 'killed';
      return { action: 'hold' };
    };
    worker = spawnWorker(ctx.config);
    child = worker.child;

    const run = await ctx.request('POST', RUNS, { token: await ctx.coordinatorToken(), body: { week: week.id } });
    expect(run.status).toBe(202);
    // The child's boot may have planned the week first: together, every account once.
    expect(run.body.planned + run.body.alreadyPlanned).toBe(recipients.length + 1);
    await ctx.waitFor(async () => phase === 'killed', 30_000, `the held message (worker output: ${worker.log()})`);
    await worker.exited;

    const [atKill] = await ctx.sql(
      `SELECT count(*) FILTER (WHERE d.status = 'planned')::int AS planned,
              count(*) FILTER (WHERE m.status = 'queued')::int AS queued,
              count(*) FILTER (WHERE m.status = 'sending')::int AS sending,
              count(*) FILTER (WHERE m.status = 'sent')::int AS sent
         FROM digest d LEFT JOIN mail_message m ON m.id = d.mail_message_id WHERE d.week = $1`,
      [week.id],
    );
    expect(atKill).toMatchObject({ sending: 1, sent: 1 });
    expect(atKill.planned + atKill.queued).toBe(recipients.length - 2);

    phase = 'recovering';
    await ctx.startWorker();
    // The held message is sent again once its lease ran out and its job left the dead worker.
    await ctx.waitFor(() => settled(ctx, [week.id]), 100_000, 'all digests sent after the restart');
    await new Promise((r) => setTimeout(r, 300));

    await expectOneEmailPerDigest(ctx, smtp, recipients, [week.id]);
    const [counts] = await ctx.sql(
      `SELECT count(*)::int AS digests,
              (SELECT count(*)::int FROM mail_message WHERE kind = 'digest') AS messages,
              (SELECT count(*)::int FROM mail_message WHERE kind = 'digest' AND status = 'sent') AS sent
         FROM digest WHERE week = $1`,
      [week.id],
    );
    expect(counts).toEqual({ digests: recipients.length + 1, messages: recipients.length, sent: recipients.length });
    expect(smtp.received).toHaveLength(recipients.length);
    expect(smtp.to(optedOut.email)).toHaveLength(0);
  }, 150_000);
});

describe('a digest for an address no message can go to', () => {
  it('is skipped once, not retried for ever (an address the users API took but the mail library refuses)', async () => {
    const week = lastFinishedWeek(TEST_EPOCH);
    const clock = new TestClock(midweek(week));
    const ctx = await TestContext.create({ clock, worker: false });
    try {
      const user = await ctx.api.get(CreateUserService).execute({ email: `张三.${uniqueSuffix()}@example.cn`, name: '张三', password: 'Test-Passw0rd!', role: 'viewer' });
      clock.set(week.endsAt);
      await ctx.api.get(DigestRunService).runWeek(week.id);
      expect(await ctx.api.get(ComposeDigestService).execute({ recipientId: user.id, week: week.id })).toBe('skipped');
      expect(await ctx.sql(`SELECT status FROM digest WHERE recipient_id = $1`, [user.id])).toEqual([{ status: 'skipped' }]);
      expect(await ctx.sql(`SELECT 1 FROM mail_message WHERE recipient_user_id = $1`, [user.id])).toHaveLength(0);
    } finally {
      await ctx.close();
    }
  });
});

