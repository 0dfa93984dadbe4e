import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { MailAddressInvalidError, MailDraft, MailOutbox, RedriveStuckMailService } from '@enterpark/mail';
import { SmtpVerdict, TestContext, TestSmtpServer, uniqueSuffix } from '@enterpark/testing';
import { Reconciler } from '../apps/worker/src/reconciler/reconciler.service';
import { lz4Available } from '../libs/database/src/migrations/1765600000000-mail-body-lz4';

const MAX_ATTEMPTS = 4;

interface MailRow {
  id: string;
  status: string;
  attempts: number;
  message_id: string;
  last_error: string | null;
  unsubscribe_url: string | null;
}

/** Builds a draft to a fresh address unless told otherwise. */
function draft(overrides: Partial<MailDraft> = {}): MailDraft {
  return {
    kind: 'match_proposed',
    category: 'notification',
    dedupeKey: `test:${uniqueSuffix()}:${uniqueSuffix()}`,
    recipientUserId: null,
    to: { address: `rcpt-${uniqueSuffix()}@example.cn`, name: '王芳' },
    subject: '【进园区】工单匹配推荐：合肥高新区 · 人才招聘服务',
    html: '<p>您好，王芳：</p><p>有一张工单等待您答复。</p>',
    text: '您好，王芳：\n有一张工单等待您答复。',
    ...overrides,
  };
}

/** Store in a transaction, then dispatch after commit: the contract composers follow. */
async function storeAndDispatch(ctx: TestContext, d: MailDraft): Promise<string> {
  const outbox = ctx.api.get(MailOutbox);
  const { id } = await ctx.dataSource.transaction((manager) => outbox.store(manager, d));
  await outbox.dispatch([id]);
  return id;
}

async function row(ctx: TestContext, id: string): Promise<MailRow> {
  const [r] = await ctx.sql<MailRow>(`SELECT id, status, attempts, message_id, last_error, unsubscribe_url FROM mail_message WHERE id = $1`, [id]);
  return r;
}

/** Waits for an end state (a message between retries is `queued` again). */
function settled(ctx: TestContext, id: string, timeoutMs = 15_000): Promise<MailRow> {
  return ctx.waitFor(async () => {
    const r = await row(ctx, id);
    return ['sent', 'failed', 'suppressed', 'skipped'].includes(r.status) ? r : null;
  }, timeoutMs, `message ${id} settled`);
}

describe('mail delivery over SMTP', () => {
  let ctx: TestContext;
  let smtp: TestSmtpServer;
  /** Per-address answers: the n-th message (1-based) to that address gets verdicts(n). */
  const verdicts = new Map<string, (n: number) => SmtpVerdict>();
  const seen = new Map<string, number>();

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    smtp.verdict = (to) => {
      const address = to[0];
      const n = (seen.get(address) ?? 0) + 1;
      seen.set(address, n);
      return verdicts.get(address)?.(n) ?? { action: 'accept' };
    };
    ctx = await TestContext.create({
      env: { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS), MAIL_BACKOFF_MS: '50', RECONCILE_INTERVAL_MS: '3600000' },
    });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  const mailQueue = () => ctx.api.get<Queue>(getQueueToken('mail'), { strict: false });

  it('delivers a stored message once, Chinese intact, with the stored Message-ID and one-click unsubscribe headers', async () => {
    const { user } = await ctx.newUser('viewer', { name: '李华' });
    const id = await storeAndDispatch(ctx, draft({
      kind: 'digest',
      category: 'digest',
      recipientUserId: user.id,
      to: { address: user.email, name: '李华' },
      subject: '【进园区】2026年第47周工作摘要（11月16日—11月22日）',
      html: '<h1>本周概况</h1><p>新提交需求 12 项，已办结 9 项。</p>',
      text: '本周概况\n新提交需求 12 项，已办结 9 项。',
    }));
    const stored = await settled(ctx, id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, last_error: null });

    const [mail] = smtp.to(user.email);
    expect(smtp.to(user.email)).toHaveLength(1);
    expect(mail.envelopeTo).toEqual([user.email]);
    expect(mail.parsed.subject).toBe('【进园区】2026年第47周工作摘要（11月16日—11月22日）');
    expect(mail.parsed.to).toEqual([{ address: user.email, name: '李华' }]);
    expect(mail.parsed.from).toEqual({ address: 'noreply@enterpark.local', name: '进园区服务平台' });
    expect(mail.parsed.html).toContain('新提交需求 12 项，已办结 9 项。');
    expect(mail.parsed.text).toContain('新提交需求 12 项，已办结 9 项。');
    expect(mail.parsed.messageId).toBe(stored.message_id);
    expect(mail.header('list-unsubscribe')).toBe(`<${stored.unsubscribe_url}>`);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('stores a digest-sized body compressed with LZ4 where the server has it, and sends it back intact', async () => {
    const { user } = await ctx.newUser('viewer');
    const rows = Array.from({ length: 600 }, (_, i) => `<tr><td style="padding:4px 8px;color:#333">工单 ${i}：合肥高新区 · 融资对接</td><td>待确认</td></tr>`);
    const html = `<table>${rows.join('')}</table>`;
    const id = await storeAndDispatch(ctx, draft({ kind: 'digest', category: 'digest', recipientUserId: user.id, to: { address: user.email }, html, text: rows.join('\n') }));
    expect(await settled(ctx, id)).toMatchObject({ status: 'sent' });

    const [stored] = await ctx.sql<{ html: string | null; text_body: string | null }>(
      `SELECT pg_column_compression(html) AS html, pg_column_compression(text_body) AS text_body FROM mail_message WHERE id = $1`,
      [id],
    );
    const method = (await lz4Available({ query: (sql) => ctx.sql(sql) })) ? 'lz4' : 'pglz';
    expect(stored).toEqual({ html: method, text_body: method });
    expect(smtp.to(user.email)[0].parsed.html?.trimEnd()).toBe(html); // MIME ends the part with a line break
  });

  it('one-click unsubscribes by POST only (GET shows a page); later mail of that category is skipped, the other still sent', async () => {
    const { user } = await ctx.newUser('coordinator');
    const first = await settled(ctx, await storeAndDispatch(ctx, draft({ kind: 'digest', category: 'digest', recipientUserId: user.id, to: { address: user.email } })));
    const link = new URL(smtp.to(user.email)[0].header('list-unsubscribe')!.replace(/^<|>$/g, ''));
    expect(link.toString()).toBe(first.unsubscribe_url);
    const path = `${link.pathname}${link.search}`;

    const page = await ctx.request('GET', path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('确认退订');
    expect(await ctx.sql(`SELECT 1 FROM mail_preference WHERE user_id = $1`, [user.id])).toHaveLength(0);

    const forged = await ctx.request('POST', path.replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A')), { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('MAIL_UNSUBSCRIBE_TOKEN_INVALID');
    const forgedPage = await ctx.request('GET', `${link.pathname}?token=${encodeURIComponent(`${user.id}.digest.${'A'.repeat(43)}`)}`);
    expect(forgedPage.status).toBe(403);
    expect(forgedPage.body).toContain('退订链接无效');

    const oneClick = await ctx.request('POST', path, { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    expect(oneClick.body).toEqual({ unsubscribed: true, category: 'digest' });

    const skipped = await settled(ctx, await storeAndDispatch(ctx, draft({ kind: 'digest', category: 'digest', recipientUserId: user.id, to: { address: user.email } })));
    expect(skipped.status).toBe('skipped');
    const notification = await settled(ctx, await storeAndDispatch(ctx, draft({ recipientUserId: user.id, to: { address: user.email } })));
    expect(notification.status).toBe('sent');
    expect(smtp.to(user.email)).toHaveLength(2);
    expect(smtp.to(user.email)[1].parsed.messageId).toBe(notification.message_id);

    // RFC 8058 recommends multipart/form-data for the one-click POST: accepted as well.
    const notificationLink = new URL(notification.unsubscribe_url!);
    const form = new FormData();
    form.append('List-Unsubscribe', 'One-Click');
    const multipart = await fetch(`${ctx.baseUrl}${notificationLink.pathname}${notificationLink.search}`, { method: 'POST', body: form, headers: { accept: 'text/html' } });
    expect(multipart.status).toBe(200);
    expect(await multipart.text()).toContain('您已退订业务通知邮件');
    expect(await ctx.sql(`SELECT digest, notifications FROM mail_preference WHERE user_id = $1`, [user.id])).toEqual([{ digest: false, notifications: false }]);
  });

  it('lets no user text become a header or a recipient, and refuses a bad address', async () => {
    const address = `inject-${uniqueSuffix()}@example.cn`;
    const id = await storeAndDispatch(ctx, draft({
      to: { address, name: '张三\r\nBcc: evil@example.com' },
      subject: '月报\r\nBcc: evil@example.com\r\nX-Injected: yes',
    }));
    expect((await settled(ctx, id)).status).toBe('sent');
    const [mail] = smtp.to(address);
    expect(mail.envelopeTo).toEqual([address]);
    const headerBlock = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^(bcc|x-injected):/im);
    expect(mail.parsed.subject).toBe('月报 Bcc: evil@example.com X-Injected: yes');
    expect(mail.parsed.to).toEqual([{ address, name: '张三 Bcc: evil@example.com' }]);
    expect(smtp.to('evil@example.com')).toHaveLength(0);

    const before = await ctx.rowCounts();
    for (const bad of [`a-${uniqueSuffix()}@example.cn\r\nBcc: evil@example.com`, `a@example.cn,evil@example.com`, 'Evil <evil@example.com>']) {
      await expect(ctx.dataSource.transaction((m) => ctx.api.get(MailOutbox).store(m, draft({ to: { address: bad } })))).rejects.toBeInstanceOf(MailAddressInvalidError);
    }
    expect(await ctx.rowCounts()).toEqual(before);

    // A row that got past store() (written by hand) is failed by the sender, never sent.
    const [{ id: handWritten }] = await ctx.sql(
      `INSERT INTO mail_message (id, dedupe_key, kind, category, to_address, subject, html, text_body, message_id)
       VALUES (gen_random_uuid(), $1, 'match_proposed', 'notification', 'x@example.cn,evil@example.com', '主题', '<p>x</p>', 'x', $2) RETURNING id`,
      [`hand:${uniqueSuffix()}`, `<${uniqueSuffix()}@enterpark.local>`],
    );
    await ctx.api.get(MailOutbox).dispatch([handWritten]);
    const failed = await settled(ctx, handWritten);
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toContain('收件人地址无效');
    expect(smtp.to('evil@example.com')).toHaveLength(0);
    expect(smtp.to('x@example.cn')).toHaveLength(0);
  });

  it('retries a transient 451 with backoff and delivers once, recording each attempt', async () => {
    const d = draft();
    verdicts.set(d.to.address, (n) => (n <= 2 ? { action: 'reject', code: 451, message: '4.7.1 请稍后重试' } : { action: 'accept' }));
    const sent = await settled(ctx, await storeAndDispatch(ctx, d));
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBe(3);
    expect(sent.last_error).toContain('451');
    expect(seen.get(d.to.address)).toBe(3);
    expect(smtp.to(d.to.address)).toHaveLength(1);
  });

  it('gives up after MAIL_MAX_ATTEMPTS transient failures, recording the error', async () => {
    const d = draft();
    verdicts.set(d.to.address, () => ({ action: 'reject', code: 451, message: '4.3.0 mailbox busy' }));
    const failed = await settled(ctx, await storeAndDispatch(ctx, d));
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(failed.last_error).toContain('451 4.3.0 mailbox busy');
    expect(seen.get(d.to.address)).toBe(MAX_ATTEMPTS);
    expect(smtp.to(d.to.address)).toHaveLength(0);
    // The address is not suppressed: a transient failure says nothing about it.
    expect(await ctx.sql(`SELECT 1 FROM mail_suppression WHERE address = $1`, [d.to.address])).toHaveLength(0);
  });

  it('fails a permanent 550 at once and suppresses the address; later mail to it is suppressed, nothing sent', async () => {
    const d = draft();
    verdicts.set(d.to.address, () => ({ action: 'reject', code: 550, message: '5.1.1 用户不存在' }));
    const failed = await settled(ctx, await storeAndDispatch(ctx, d));
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toContain('550');
    expect(await ctx.sql(`SELECT address FROM mail_suppression WHERE address = $1`, [d.to.address])).toHaveLength(1);

    const later = await settled(ctx, await storeAndDispatch(ctx, draft({ to: { address: d.to.address.toUpperCase() } })));
    expect(later).toMatchObject({ status: 'suppressed', attempts: 1 });
    expect(seen.get(d.to.address)).toBe(1);
    expect(smtp.to(d.to.address)).toHaveLength(0);
  });

  it('fails a message the server refuses for its content (554 5.7.1) without suppressing the address', async () => {
    const d = draft();
    verdicts.set(d.to.address, () => ({ action: 'reject', code: 554, message: '5.7.1 内容被拒收' }));
    const failed = await settled(ctx, await storeAndDispatch(ctx, d));
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await ctx.sql(`SELECT 1 FROM mail_suppression WHERE address = $1`, [d.to.address])).toHaveLength(0);
  });

  it('sends nothing when a send job is redelivered for a sent message, or while another sender holds it', async () => {
    const d = draft();
    const id = await storeAndDispatch(ctx, d);
    expect((await settled(ctx, id)).status).toBe('sent');
    const runAgain = async (jobId: string) => {
      const job = await mailQueue().add('mail.send', { messageId: id }, { jobId, removeOnComplete: false, attempts: 1 });
      return ctx.waitFor(async () => {
        const state = await job.getState();
        return state === 'completed' || state === 'failed' ? state : null;
      }, 10_000, `job ${jobId}`);
    };
    expect(await runAgain(`redeliver-${id}`)).toBe('completed');
    expect(smtp.to(d.to.address)).toHaveLength(1);
    expect((await row(ctx, id)).attempts).toBe(1);

    // A live lease belongs to a sender still at work: a second job leaves it alone.
    await ctx.sql(`UPDATE mail_message SET status = 'sending', lease_until = now() + interval '1 hour' WHERE id = $1`, [id]);
    expect(await runAgain(`concurrent-${id}`)).toBe('completed');
    expect(smtp.to(d.to.address)).toHaveLength(1);
    expect((await row(ctx, id)).attempts).toBe(1);
  });

  describe('the reconciler', () => {
    const reconcile = () => ctx.worker!.get(Reconciler).reconcileOnce();

    it('leaves a message whose send job is only delayed (late, not lost) and counts nothing', async () => {
      const { id } = await ctx.dataSource.transaction((m) => ctx.api.get(MailOutbox).store(m, draft()));
      const mail = ctx.worker!.get<Queue>(getQueueToken('mail'));
      await mail.add('mail.send', { messageId: id }, { jobId: `mail-${id}`, delay: 3_600_000 });
      await ctx.sql(`UPDATE mail_message SET updated_at = now() - interval '1 hour' WHERE id = $1`, [id]);
      expect(await ctx.worker!.get(RedriveStuckMailService).execute(60_000)).toBe(0);
      expect(await mail.getJobState(`mail-${id}`)).toBe('delayed');
      await mail.remove(`mail-${id}`);
      expect(await ctx.worker!.get(RedriveStuckMailService).execute(60_000)).toBe(1);
      expect(await settled(ctx, id)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('sends a stored message whose dispatch was lost', async () => {
      const d = draft();
      const { id } = await ctx.dataSource.transaction((m) => ctx.api.get(MailOutbox).store(m, d));
      await ctx.sql(`UPDATE mail_message SET updated_at = now() - interval '1 hour' WHERE id = $1`, [id]);
      expect(await reconcile()).toBeGreaterThanOrEqual(1);
      const sent = await settled(ctx, id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
      expect(smtp.to(d.to.address).map((m) => m.parsed.messageId)).toEqual([sent.message_id]);
    });

    it('re-sends once, with the same Message-ID, a message whose sender died before the server accepted it', async () => {
      const d = draft();
      const { id } = await ctx.dataSource.transaction((m) => ctx.api.get(MailOutbox).store(m, d));
      // The claim of a sender that crashed mid-send: `sending`, one attempt, its lease run out.
      await ctx.sql(`UPDATE mail_message SET status = 'sending', attempts = 1, lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
      expect(await reconcile()).toBeGreaterThanOrEqual(1);
      const sent = await settled(ctx, id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
      expect(smtp.to(d.to.address).map((m) => m.parsed.messageId)).toEqual([sent.message_id]);
    });

    it('re-sends the identical message (same Message-ID, one row) when the sender died after the server accepted it', async () => {
      const d = draft();
      const id = await storeAndDispatch(ctx, d);
      const first = await settled(ctx, id);
      // As if the process died between the server's 250 and recording `sent`.
      await ctx.sql(`UPDATE mail_message SET status = 'sending', sent_at = NULL, lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
      expect(await reconcile()).toBeGreaterThanOrEqual(1);
      await ctx.waitFor(async () => (await row(ctx, id)).status === 'sent', 10_000, 'sent again');
      const copies = smtp.to(d.to.address);
      expect(copies.map((m) => m.parsed.messageId)).toEqual([first.message_id, first.message_id]);
      expect(copies[1].parsed.date).toBe(copies[0].parsed.date);
      expect(await ctx.sql(`SELECT id FROM mail_message WHERE dedupe_key = $1`, [d.dedupeKey])).toHaveLength(1);
    });
  });

  describe('preferences', () => {
    it('a user reads and changes their own; a zone manager cannot touch a viewer\'s or a coordinator\'s (404)', async () => {
      const zone = await ctx.newZone();
      const manager = await ctx.newUser('zone_manager', { zoneId: zone.id });
      const viewer = await ctx.newUser('viewer');
      const leader = await ctx.newUser('coordinator');

      const mine = await ctx.request('GET', '/api/v1/users/me/mail-preferences', { token: manager.token });
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual({ userId: manager.user.id, digest: true, notifications: true, assignments: true, updatedAt: null });
      const own = await ctx.request('PUT', `/api/v1/users/${manager.user.id}/mail-preferences`, { token: manager.token, body: { digest: false, notifications: true, assignments: true } });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ userId: manager.user.id, digest: false, notifications: true });

      const before = await ctx.rowCounts();
      for (const target of [viewer.user.id, leader.user.id]) {
        expect((await ctx.request('GET', `/api/v1/users/${target}/mail-preferences`, { token: manager.token })).status).toBe(404);
        const put = await ctx.request('PUT', `/api/v1/users/${target}/mail-preferences`, { token: manager.token, body: { digest: false, notifications: false, assignments: false } });
        expect(put.status).toBe(404);
        expect(put.body.code).toBe('USER_NOT_FOUND');
      }
      expect(await ctx.rowCounts()).toEqual(before);
      expect(await ctx.sql(`SELECT 1 FROM mail_preference WHERE user_id = ANY($1)`, [[viewer.user.id, leader.user.id]])).toHaveLength(0);
    });

    it('a coordinator manages anyone\'s; an unknown user is 404', async () => {
      const viewer = await ctx.newUser('viewer');
      const coordinator = await ctx.coordinatorToken();
      const put = await ctx.request('PUT', `/api/v1/users/${viewer.user.id}/mail-preferences`, { token: coordinator, body: { digest: true, notifications: false, assignments: true } });
      expect(put.status).toBe(200);
      expect((await ctx.request('GET', '/api/v1/users/me/mail-preferences', { token: viewer.token })).body).toMatchObject({ digest: true, notifications: false });
      const unknown = '0190f4b6-5a1e-7c2d-8e3f-0a1b2c3d4e5f';
      expect((await ctx.request('GET', `/api/v1/users/${unknown}/mail-preferences`, { token: coordinator })).status).toBe(404);
      expect((await ctx.request('GET', '/api/v1/users/me/mail-preferences')).status).toBe(401);
    });

    it.each([
      ['a string for a boolean', { digest: 'no', notifications: true, assignments: true }, 'digest', 'isBoolean'],
      ['a missing field', { digest: true, assignments: true }, 'notifications', 'isBoolean'],
      ['an unknown field', { digest: true, notifications: true, assignments: true, everything: false }, 'everything', 'notAllowed'],
    ])('refuses %s with 400 naming the field', async (_case, body, field, rule) => {
      const { token } = await ctx.newUser('viewer');
      const before = await ctx.rowCounts();
      const res = await ctx.request('PUT', '/api/v1/users/me/mail-preferences', { token, body });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(await ctx.rowCounts()).toEqual(before);
    });
  });
});

describe('mail delivery without SMTP_URL', () => {
  let ctx: TestContext;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'enterpark-mail-'));
    ctx = await TestContext.create({ env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await ctx.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file under DATA_DIR/mail that parses back', async () => {
    const { user } = await ctx.newUser('zone_manager', { zoneId: (await ctx.newZone()).id });
    const d = draft({ kind: 'digest', category: 'digest', recipientUserId: user.id, to: { address: user.email, name: '赵磊' } });
    const sent = await settled(ctx, await storeAndDispatch(ctx, d));
    expect(sent.status).toBe('sent');
    const files = (await readdir(join(dataDir, 'mail'))).filter((f) => f.endsWith('.eml'));
    expect(files).toEqual([expect.stringContaining(sent.id)]);
    const parsed = await PostalMime.parse(await readFile(join(dataDir, 'mail', files[0])));
    expect(parsed.subject).toBe(d.subject);
    expect(parsed.messageId).toBe(sent.message_id);
    expect(parsed.text).toContain('有一张工单等待您答复。');
    expect(parsed.headers.find((h) => h.key === 'list-unsubscribe')?.value).toBe(`<${sent.unsubscribe_url}>`);
  });
});
