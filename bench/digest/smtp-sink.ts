import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server that accepts everything and keeps only counts and Message-IDs: the
 * benchmark measures the service's delivery, not the sink's parsing.
 */
export class SmtpSink {
  received = 0;
  bytes = 0;
  readonly messageIds = new Set<string>();
  /** Messages whose Message-ID arrived before: the same stored message sent twice. */
  resent = 0;
  firstAt = 0;
  lastAt = 0;
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      maxClients: 1000,
      size: 20 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        let size = 0;
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 4096) head += chunk.toString('latin1', 0, 4096);
          size += chunk.length;
        });
        stream.on('end', () => {
          const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `unknown-${this.received}`;
          if (this.messageIds.has(messageId)) this.resent += 1;
          this.messageIds.add(messageId);
          this.received += 1;
          this.bytes += size;
          this.lastAt = Date.now();
          this.firstAt ||= this.lastAt;
          callback();
        });
      },
    });
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    // A sender killed mid-message resets its connection: expected in bench/scale, not a sink failure.
    sink.server.on('error', () => undefined);
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.received = this.bytes = this.resent = this.firstAt = this.lastAt = 0;
    this.messageIds.clear();
  }

  async waitFor(count: number, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.received < count && Date.now() < deadline) {
      signal.throwIfAborted();
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.received >= count;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
