import { AddressInfo } from 'node:net';
import PostalMime, { Email } from 'postal-mime';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope (what the server was asked to deliver to). */
  envelopeTo: string[];
  raw: string;
  parsed: Email;
  /** Header lookup by lower-case name (first value). */
  header(name: string): string | undefined;
}

/**
 * How the server answers a message. `accept` (250) by default; `reject` answers with the
 * given SMTP code (4xx transient, 5xx permanent); `hold` never answers, like a server that
 * died mid-DATA; the message counts as received only when it was accepted.
 */
export type SmtpVerdict = { action: 'accept' } | { action: 'reject'; code: number; message: string } | { action: 'hold' };

/** A real SMTP server on a free port for tests: messages are parsed with postal-mime. */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Decides the fate of each message before it is accepted; default accepts everything. */
  verdict: (to: string[], raw: string) => SmtpVerdict | Promise<SmtpVerdict> = () => ({ action: 'accept' });
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 20 * 1024 * 1024,
      onData: (stream, session, callback) => void this.onData(stream, session, callback),
    });
  }

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer();
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
    return smtp;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** For SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages delivered to `address` (envelope recipient). */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.envelopeTo.includes(address.toLowerCase()));
  }

  async waitForCount(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} message(s); received ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.received;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
    const verdict = await this.verdict(envelopeTo, raw);
    if (verdict.action === 'hold') return;
    if (verdict.action === 'reject') {
      callback(Object.assign(new Error(verdict.message), { responseCode: verdict.code }));
      return;
    }
    const parsed = await PostalMime.parse(raw);
    this.received.push({
      envelopeTo,
      raw,
      parsed,
      header: (name) => parsed.headers.find((h) => h.key === name.toLowerCase())?.value,
    });
    callback();
  }
}
