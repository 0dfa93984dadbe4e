import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../apps/standalone/src/processes';

const ENTRY = join(__dirname, '..', 'dist', 'apps', 'standalone', 'src', 'main.js');
const ADMIN = { email: 'admin@standalone.test', password: 'Admin-Passw0rd!' };

interface Started {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
  log: () => string;
}

/** `npm start` without DATABASE_URL / REDIS_URL: the embedded default, from nothing. */
async function start(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND']) delete inherited[name];
  let output = '';
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  // A first start hashes every demo account's password (argon2) and builds nothing: slow on a busy 2-core machine.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`standalone exited early:\n${output}`);
    const ready = await fetch(`${base}/health/ready`).then((r) => r.ok, () => false);
    if (ready) return { child, base, exited, log: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`standalone not ready in 150 s:\n${output}`);
}

const json = (r: Response): Promise<any> => r.json();

/** The start-up summary, logged once the API listens (a moment after it answers /health/ready). */
async function summaryOf(s: Started): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const line = s.log().split('\n').find((l) => l.includes('进园区服务平台已启动'));
    if (line) return JSON.parse(line).msg;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no start-up summary in:\n${s.log()}`);
}

/** Outside development the log is JSON lines, every line of it; Nest's per-module chatter is debug. */
function expectQuietJsonLog(log: string): void {
  const lines = log.split('\n').filter((l) => l.trim());
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  expect(log).not.toContain('dependencies initialized');
  expect(log).not.toContain('Unhandled error event');
}

async function expectFiledAndRouted(base: string): Promise<void> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN),
  }).then(json);
  const auth = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
  const zones = await fetch(`${base}/api/v1/zones?limit=200`, { headers: auth }).then(json);
  const hefei = zones.items.find((z: { name: string }) => z.name === '合肥经开区');
  expect(hefei).toBeDefined();
  const filed = await fetch(`${base}/api/v1/demand-lists`, {
    method: 'POST', headers: auth, body: JSON.stringify({ zoneId: hefei.id, title: '演示清单', items: [{ type: 'finance', title: '园区贷' }] }),
  });
  expect(filed.status).toBe(201);
  const list = await json(filed);
  for (let i = 0; i < 100; i++) {
    const ticket = await fetch(`${base}/api/v1/tickets/${list.tickets[0].id}`, { headers: auth }).then(json);
    if (ticket.status === 'routed') return expect(ticket.desk).toBe('finance');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('ticket was not routed');
}

/** This machine's tools, minus redis-server: a laptop without Redis. */
function pathWithoutRedis(): string {
  const bin = mkdtempSync(join(tmpdir(), 'enterpark-bin-'));
  for (const dir of ['/usr/local/bin', '/usr/bin', '/bin']) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!name.startsWith('redis') && !existsSync(join(bin, name))) symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return `${bin}:/usr/local/sbin:/usr/sbin:/sbin`;
}

async function stop(s: Started): Promise<void> {
  s.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), 20_000)));
  const code = await Promise.race([s.exited, timeout]);
  clearTimeout(timer);
  expect(code).toBe(0);
}

describe('the embedded default (npm start on a fresh machine)', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'enterpark-standalone-'));
    dirs.push(d);
    return join(d, '.data');
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is built (npm test builds before it runs)', () => {
    expect(existsSync(ENTRY)).toBe(true);
  });

  it('starts embedded PostgreSQL and Redis, serves /health/ready and the console, routes a demo list, and stops on SIGTERM', async () => {
    const dir = dataDir();
    const s = await start(dir);
    try {
      const ready = await fetch(`${s.base}/health/ready`).then(json);
      expect(ready).toMatchObject({ status: 'ok', checks: { database: 'up', queue: 'up' }, queueBackend: 'redis' });
      expect((await fetch(`${s.base}/api/docs`)).status).toBe(200);
      const consolePage = await fetch(`${s.base}/`, { headers: { accept: 'text/html' } });
      expect(consolePage.status).toBe(200);
      expect(await consolePage.text()).toContain('<html lang="zh-CN">');
      const summary = await summaryOf(s);
      expect(summary).toContain(`请先打开  ${s.base}/\n`);
      expect(summary).toContain(`${s.base}/api/docs`);
      expect(summary).toMatch(/admin@standalone\.test +协调员 coordinator\n/);
      expect(summary).toMatch(/finance\.1@demo\.enterpark\.cn +窗口人员 desk staff：金融进园区 finance\n/);
      expect(summary).toMatch(/hefei@demo\.enterpark\.cn +园区管理员 zone manager：合肥经开区\n/);
      expect(summary).toMatch(/leader@demo\.enterpark\.cn +领导 viewer\n/);
      expect(summary).toMatch(/admin@standalone\.test +取自 BOOTSTRAP_ADMIN_PASSWORD/);
      // The generated demo password, shown once, is the one that signs the viewer in.
      const demoPassword = /其余演示账号 +(\S+)/.exec(summary)![1];
      const viewer = await fetch(`${s.base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leader@demo.enterpark.cn', password: demoPassword }),
      }).then(json);
      expect(viewer.user.role).toBe('viewer');
      await expectFiledAndRouted(s.base);
      expectQuietJsonLog(s.log());
    } finally {
      await stop(s);
    }
    // Restart on the same data: state survives, nothing is seeded twice, no password is shown again.
    const again = await start(dir);
    try {
      const summary = await summaryOf(again);
      expect(summary).toContain('密码：仅在首次启动时显示过一次');
      expect(summary).not.toContain('其余演示账号');
      expect(again.log()).not.toContain('已加载演示数据');
      await expectFiledAndRouted(again.base);
    } finally {
      await stop(again);
    }
  }, 400_000);

  it('recovers after a hard kill that left its servers behind', async () => {
    const dir = dataDir();
    const first = await start(dir);
    first.child.kill('SIGKILL'); // embedded PostgreSQL and Redis keep running, with their pid files
    await first.exited;
    const second = await start(dir);
    try {
      await expectFiledAndRouted(second.base);
    } finally {
      await stop(second);
    }
  }, 400_000);

  it('falls back to the PostgreSQL queue backend when there is no redis-server', async () => {
    const s = await start(dataDir(), { PATH: pathWithoutRedis() });
    try {
      expect(s.log()).toContain('PostgreSQL 后端');
      const ready = await fetch(`${s.base}/health/ready`).then(json);
      expect(ready).toMatchObject({ status: 'ok', queueBackend: 'postgres' });
      await expectFiledAndRouted(s.base);
    } finally {
      await stop(s);
    }
  }, 400_000);
});
