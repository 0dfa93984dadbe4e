import { readFile } from 'node:fs/promises';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { lookup } from 'node:dns/promises';
import { AddressInfo } from 'node:net';
import { hostname } from 'node:os';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  body: string;
  /** The parsed body ({type, timestamp, data}). */
  json: any;
}

export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A real HTTP server on a free port of 127.0.0.1 that records every request it gets. */
export class TestWebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** How each request is answered; `seen` counts earlier requests with the same path and webhook-id. Default 200. */
  answer: (path: string, seen: number) => ReceiverAnswer = () => ({ status: 200, body: 'ok' });

  private constructor(private readonly server: Server) {}

  static async start(): Promise<TestWebhookReceiver> {
    const server = createServer();
    const receiver = new TestWebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const seen = receiver.received.filter((r) => r.path === path && r.headers['webhook-id'] === req.headers['webhook-id']).length;
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {
          // kept raw
        }
        receiver.received.push({ path, headers: req.headers, body, json });
        const answer = receiver.answer(path, seen);
        res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A host name other than `localhost` that the system resolver maps to a loopback address
 * without the network (this machine's name, or another name of /etc/hosts): the SSRF check
 * at registration must refuse it through the real resolver.
 */
export async function loopbackHostName(): Promise<string> {
  const hosts = await readFile('/etc/hosts', 'utf8').catch(() => '');
  const fromHosts = hosts
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .filter(([address]) => address?.startsWith('127.') || address === '::1')
    .flatMap(([, ...names]) => names);
  for (const name of [hostname(), ...fromHosts]) {
    if (!name || name.toLowerCase() === 'localhost' || name.includes(':')) continue;
    const answers = await lookup(name, { all: true }).catch(() => []);
    if (answers.length > 0 && answers.every((a) => a.address.startsWith('127.') || a.address === '::1')) return name;
  }
  throw new Error('no host name other than localhost resolves to a loopback address here (add one to /etc/hosts)');
}
