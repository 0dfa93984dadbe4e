import pino from 'pino';
import { Writable } from 'node:stream';
import { NestLogger } from './logging';

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
