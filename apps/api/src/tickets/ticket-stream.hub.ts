import { HttpException, HttpStatus, Injectable, Logger, MessageEvent, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subscriber } from 'rxjs';
import { AccessScope, Actor, scopeOf } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { AccountStatusCache } from '@enterpark/identity';
import { isVisibleTo, LiveTicketEvent, TicketEventStream } from '@enterpark/tickets';

/** Events read per round; a full round is followed by another, up to MAX_ROUNDS per tick. */
const BATCH = 500;
const MAX_ROUNDS = 10;
/** How long a browser waits before reconnecting a dropped stream (the SSE `retry` field). */
const RETRY_MS = 3_000;

interface Listener {
  userId: string;
  /** The account version of the token that opened the stream. */
  version: number;
  scope: AccessScope;
  out: Subscriber<MessageEvent>;
}

/** What a stream carries per event: enough for the console to refresh the ticket or the queue. */
export interface TicketStreamMessage {
  type: string;
  ticketId: string;
  at: string;
}

/**
 * The live ticket streams of this API process. One poller reads the event log from one cursor
 * every TICKET_STREAM_POLL_MS while anyone listens, and hands each event to the listeners whose
 * scope sees it (not one query per connection); idle streams get a heartbeat comment. A user
 * may hold TICKET_STREAM_MAX_PER_USER streams; a stream ends when its token expires, or at the
 * next heartbeat once its token is no longer current (account deactivated or changed).
 */
@Injectable()
export class TicketStreamHub implements OnModuleDestroy {
  private readonly logger = new Logger('TicketStream');
  private readonly listeners = new Set<Listener>();
  private cursor: Promise<string> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private polling = false;

  constructor(
    private readonly stream: TicketEventStream,
    private readonly config: AppConfig,
    private readonly statuses: AccountStatusCache,
  ) {}

  /**
   * A stream for `actor` until `until` (their token's expiry), starting after every event
   * committed so far. One too many for the user fails before anything is sent: a 429.
   */
  async open(actor: Actor, version: number, until: Date): Promise<Observable<MessageEvent>> {
    await this.cursorNow();
    return new Observable<MessageEvent>((out) => {
      if (this.countOf(actor.id) >= this.config.ticketStreamMaxPerUser) {
        const max = this.config.ticketStreamMaxPerUser;
        out.error(new HttpException(`每位用户最多同时打开 ${max} 个实时连接，请关闭其他页面后重试`, HttpStatus.TOO_MANY_REQUESTS));
        return;
      }
      const listener: Listener = { userId: actor.id, version, scope: scopeOf(actor), out };
      this.listeners.add(listener);
      this.start();
      const expiry = setTimeout(() => out.complete(), Math.max(0, until.getTime() - Date.now()));
      out.next({ retry: RETRY_MS, comment: 'connected' });
      return () => {
        clearTimeout(expiry);
        this.listeners.delete(listener);
        if (this.listeners.size === 0) this.stop();
      };
    });
  }

  onModuleDestroy(): void {
    for (const listener of [...this.listeners]) listener.out.complete();
    this.stop();
  }

  /** The shared cursor, read from the log's head when there is none (a failed read is tried again next time). */
  private cursorNow(): Promise<string> {
    if (!this.cursor) {
      const head = this.stream.head();
      this.cursor = head;
      head.catch(() => {
        if (this.cursor === head) this.cursor = null;
      });
    }
    return this.cursor;
  }

  private countOf(userId: string): number {
    return [...this.listeners].filter((l) => l.userId === userId).length;
  }

  private start(): void {
    if (this.timers.length) return;
    this.timers = [
      setInterval(() => void this.poll(), this.config.ticketStreamPollMs),
      setInterval(() => void this.heartbeat(), this.config.ticketStreamHeartbeatMs),
    ];
  }

  /**
   * Ends the streams whose token no longer speaks for its account; keeps the others open. When the
   * check itself fails the stream ends too: the browser reconnects and the guard decides afresh.
   */
  private async heartbeat(): Promise<void> {
    for (const listener of [...this.listeners]) {
      const current = await this.statuses.accepts(listener.userId, listener.version).catch(() => false);
      if (current) listener.out.next({ comment: 'heartbeat' });
      else listener.out.complete();
    }
  }

  /** Nobody listens: no more reads, and the next listener starts from the log's head again. */
  private stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.cursor = null;
  }

  private async poll(): Promise<void> {
    if (this.polling || this.listeners.size === 0) return;
    this.polling = true;
    const current = this.cursorNow();
    try {
      let cursor = await current;
      for (let round = 0; round < MAX_ROUNDS && this.cursor === current; round++) {
        const batch = await this.stream.next(cursor, BATCH);
        for (const event of batch.events) this.send((l) => isVisibleTo(l.scope, event), { data: messageOf(event) });
        cursor = batch.cursor;
        if (!batch.more) break;
      }
      // Unless the streams stopped meanwhile (then the next listener starts at the head).
      if (this.cursor === current) this.cursor = Promise.resolve(cursor);
    } catch (error) {
      this.logger.warn(`reading ticket events failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.polling = false;
    }
  }

  private send(to: (listener: Listener) => boolean, message: MessageEvent): void {
    for (const listener of this.listeners) if (to(listener)) listener.out.next(message);
  }
}

function messageOf(event: LiveTicketEvent): TicketStreamMessage {
  return { type: event.type, ticketId: event.ticketId, at: event.at.toISOString() };
}
