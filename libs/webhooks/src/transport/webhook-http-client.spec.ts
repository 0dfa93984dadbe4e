import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppConfig } from '@enterpark/config';
import { DestinationGuard } from '../application/destination-guard.service';
import { WebhookDestinationRefusedError } from '../webhooks.errors';
import { HostResolver, ResolvedAddress } from './host-resolver';
import { postWebhook } from './webhook-http-client';

/** Answers from a script, one answer per call (the last one repeats): a DNS that can change its mind. */
class ScriptedResolver extends HostResolver {
  calls: string[] = [];
  constructor(private readonly answers: string[][]) {
    super();
  }
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const answer = this.answers[Math.min(this.calls.length, this.answers.length - 1)];
    this.calls.push(hostname);
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }
}

function guard(answers: string[][], allowPrivate: boolean): { guard: DestinationGuard; resolver: ScriptedResolver } {
  const resolver = new ScriptedResolver(answers);
  const config = AppConfig.fromEnv({}, { WEBHOOK_ALLOW_PRIVATE: String(allowPrivate) });
  return { guard: new DestinationGuard(resolver, config), resolver };
}

describe('postWebhook: the send-time destination check and the HTTP exchange', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  const requests: { url: string; host: string | undefined; body: string }[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', host: req.headers.host, body });
        handler(req, res);
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    connections = 0;
    requests.length = 0;
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
  });

  const post = (url: string, check: DestinationGuard, timeoutMs = 2000) =>
    postWebhook({ url, headers: { 'content-type': 'application/json', 'webhook-id': 'evt-1' }, body: '{"type":"ticket.routed"}', timeoutMs }, check);

  it('connects to the address the guard resolved, not to one the system resolver would give', async () => {
    // .test never resolves through DNS: reaching the server proves the socket used the guard's lookup.
    const { guard: g, resolver } = guard([['127.0.0.1']], true);
    const result = await post(`http://hooks.example.test:${port}/in`, g);
    expect(result).toEqual({ kind: 'response', status: 200, excerpt: 'received', retryAfterMs: null });
    expect(resolver.calls).toEqual(['hooks.example.test']);
    expect(requests).toEqual([{ url: '/in', host: `hooks.example.test:${port}`, body: '{"type":"ticket.routed"}' }]);
  });

  it('refuses a name resolving to a loopback address without connecting', async () => {
    const { guard: g } = guard([['127.0.0.1']], false);
    const result = await post(`http://hooks.example.test:${port}/in`, g);
    expect(result).toEqual({ kind: 'refused', message: expect.stringContaining('127.0.0.1 属于回环地址') });
    expect(connections).toBe(0);
  });

  it('a DNS rebind between registration and sending is caught: the send-time answer is the one vetted and used', async () => {
    const { guard: g, resolver } = guard([['93.184.215.14'], ['127.0.0.1']], false);
    await expect(g.vet('hooks.example.test')).resolves.toEqual([{ address: '93.184.215.14', family: 4 }]); // registration passes
    const result = await post(`http://hooks.example.test:${port}/in`, g);
    expect(result).toMatchObject({ kind: 'refused' });
    expect(resolver.calls).toHaveLength(2);
    expect(connections).toBe(0);
  });

  it('refuses when any of the answers is private, even next to a public one', async () => {
    const { guard: g } = guard([['93.184.215.14', '10.0.0.7']], false);
    await expect(g.vet('hooks.example.test')).rejects.toThrow(WebhookDestinationRefusedError);
    expect(await post(`http://hooks.example.test:${port}/in`, g)).toMatchObject({ kind: 'refused', message: expect.stringContaining('10.0.0.7 属于内网地址') });
  });

  it.each([`http://127.0.0.1:PORT/in`, `http://[::ffff:127.0.0.1]:PORT/in`, `http://2130706433:PORT/in`])('refuses the IP literal %s without connecting', async (url) => {
    const { guard: g, resolver } = guard([['93.184.215.14']], false);
    expect(await post(url.replace('PORT', String(port)), g)).toMatchObject({ kind: 'refused' });
    expect(resolver.calls).toEqual([]);
    expect(connections).toBe(0);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    handler = (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
    const { guard: g } = guard([['127.0.0.1']], true);
    expect(await post(`http://127.0.0.1:${port}/in`, g)).toMatchObject({ kind: 'response', status: 302 });
    expect(requests.map((r) => r.url)).toEqual(['/in']);
  });

  it('keeps only the first kilobyte of a response and reads Retry-After', async () => {
    handler = (_req, res) => res.writeHead(503, { 'retry-after': '7' }).end('x'.repeat(1024 * 1024));
    const { guard: g } = guard([['127.0.0.1']], true);
    const result = await post(`http://127.0.0.1:${port}/in`, g);
    expect(result).toMatchObject({ kind: 'response', status: 503, retryAfterMs: 7000 });
    expect(result.kind === 'response' && result.excerpt.length).toBe(1024);
  });

  it('gives up after the timeout', async () => {
    handler = () => undefined; // never answers
    const { guard: g } = guard([['127.0.0.1']], true);
    const started = Date.now();
    expect(await post(`http://127.0.0.1:${port}/in`, g, 300)).toEqual({ kind: 'failed', message: '请求超时（300 ms 内未完成）' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection and an unresolvable name as failures', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { guard: g } = guard([['127.0.0.1']], true);
    expect(await post(`http://127.0.0.1:${closedPort}/in`, g)).toMatchObject({ kind: 'failed', message: expect.stringContaining('ECONNREFUSED') });
    const { guard: empty } = guard([[]], true);
    expect(await post(`http://hooks.example.test:${port}/in`, empty)).toMatchObject({ kind: 'refused', message: expect.stringContaining('无法解析') });
  });
});
