/** One server-sent event block: its data (parsed as JSON) or a comment line. */
export type SseMessage = { data: unknown; comment?: undefined } | { comment: string; data?: undefined };

/**
 * A server-sent events client for tests (what a browser's EventSource does, over fetch): it
 * collects every message and comment of one stream until the server ends it or close() is called.
 */
export class TestSseClient {
  readonly messages: SseMessage[] = [];
  ended = false;
  private constructor(
    readonly status: number,
    readonly body: unknown,
    private readonly controller: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<TestSseClient> {
    const controller = new AbortController();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
    if (!res.ok || !res.body) {
      const client = new TestSseClient(res.status, await res.json().catch(() => null), controller);
      client.ended = true;
      return client;
    }
    const client = new TestSseClient(res.status, null, controller);
    void client.read(res.body);
    return client;
  }

  /** The data of every event received so far. */
  get events(): unknown[] {
    return this.messages.filter((m) => m.comment === undefined).map((m) => m.data);
  }

  get comments(): string[] {
    return this.messages.flatMap((m) => (m.comment === undefined ? [] : [m.comment]));
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close(), or the connection dropped: the stream has ended either way
    } finally {
      this.ended = true;
    }
  }

  private parse(block: string): void {
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.messages.push({ comment: line.slice(1).trim() });
      else if (line.startsWith('data:')) this.messages.push({ data: JSON.parse(line.slice(5).trim()) });
    }
  }
}
