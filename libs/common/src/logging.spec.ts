import pino from 'pino';
import { Writable } from 'node:stream';
import { createRootLogger, NestLogger, redactUrl } from './logging';

/** A NestLogger over a pino logger at `info` that keeps its JSON lines. */
function capture(): { logger: NestLogger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => { chunks.push(String(chunk)); done(); } });
  const root = pino({ level: 'info' }, sink);
  return { logger: new NestLogger(root), lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

describe('NestLogger', () => {
  it('logs with the context Nest passes last', () => {
    const { logger, lines } = capture();
    logger.log('内置 Redis 已启动', 'EnterPark');
    expect(lines()).toEqual([expect.objectContaining({ level: 30, context: 'EnterPark', msg: '内置 Redis 已启动' })]);
  });

  it.each(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication'])('keeps %s start-up chatter at debug, out of the default log', (context) => {
    const { logger, lines } = capture();
    logger.log('ConfigModule dependencies initialized', context);
    logger.warn('a warning from the framework', context);
    expect(lines().map((l) => l.msg)).toEqual(['a warning from the framework']);
  });

  it('takes error(message, stack) without a context as a stack, not as the context', () => {
    const { logger, lines } = capture();
    const stack = 'Error: boom\n    at main (main.ts:1:1)';
    logger.error('boom', stack);
    expect(lines()).toEqual([expect.objectContaining({ level: 50, msg: 'boom', err: expect.objectContaining({ message: 'boom', stack }) })]);
    expect(lines()[0].context).toBeUndefined();
  });

  it('logs an Error with its message and serialized error', () => {
    const { logger, lines } = capture();
    logger.error(new Error('数据库连接失败'), 'HttpErrorFilter');
    expect(lines()).toEqual([expect.objectContaining({ context: 'HttpErrorFilter', msg: '数据库连接失败', err: expect.objectContaining({ type: 'Error', message: '数据库连接失败' }) })]);
  });
});

describe('every logger made by createRootLogger keeps secrets out of the log', () => {
  function lines(write: (logger: ReturnType<typeof createRootLogger>) => void): string {
    const chunks: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => { chunks.push(String(chunk)); done(); } });
    write(createRootLogger({ logLevel: 'info', logPretty: false }, sink));
    return chunks.join('');
  }

  it('blanks header credentials and cookies, wherever the headers are', () => {
    const out = lines((log) => {
      log.info({ req: { method: 'GET', url: '/x', headers: { authorization: 'Bearer eyJ.secret-1.x', cookie: 'sid=secret-2' } } }, 'request');
      log.info({ headers: { authorization: 'Bearer secret-3', 'set-cookie': 'sid=secret-4' } }, 'response');
      log.info({ authorization: 'Basic c2VjcmV0LTU=' }, 'bare');
    });
    expect(out).not.toMatch(/secret-\d|c2VjcmV0LTU/);
    expect(out.match(/\[Redacted\]/g)).toHaveLength(5);
  });

  it('keeps URLs and messages, without their query-string tokens or bearer credentials', () => {
    const out = lines((log) => {
      log.info({ req: { url: '/api/v1/tickets/stream?access_token=secret-1&limit=5' } }, 'request');
      log.warn({ url: 'https://hooks.example.cn/in?token=secret-2' }, 'webhook');
      log.error({ err: Object.assign(new Error('GET /api/v1/mail/unsubscribe?token=secret-3 failed'), { stack: 'Error: GET /x?token=secret-4&a=1 failed\n    at f (x.ts:1:1) ?access_token=secret-5' }) }, 'failed');
      log.info('sending with Authorization: Bearer secret-6 to /respond?token=secret-7');
      log.warn({ msg: 'object message ?access_token=secret-8', password: 'secret-9', newPassword: 'secret-10' });
    });
    expect(out).not.toMatch(/secret-\d/);
    expect(out).toContain('/api/v1/tickets/stream?access_token=[Redacted]&limit=5');
    expect(out).toContain('https://hooks.example.cn/in?token=[Redacted]');
    expect(out).toContain('Bearer [Redacted] to /respond?token=[Redacted]');
  });
});

describe('request logs keep secrets out of URLs', () => {
  it.each([
    ['/api/v1/tickets/stream?access_token=eyJhbGciOi.x.y', '/api/v1/tickets/stream?access_token=[Redacted]'],
    ['/api/v1/tickets/stream?limit=5&access_token=abc#top', '/api/v1/tickets/stream?limit=5&access_token=[Redacted]#top'],
    ['/api/v1/mail/unsubscribe?token=u.digest.mac', '/api/v1/mail/unsubscribe?token=[Redacted]'],
    ['/api/v1/matches/m/respond?token=abc&x=1', '/api/v1/matches/m/respond?token=[Redacted]&x=1'],
    ['/api/v1/tickets?q=token=1&status=routed', '/api/v1/tickets?q=token=1&status=routed'],
    ['/api/v1/tickets?my_token=1', '/api/v1/tickets?my_token=1'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
