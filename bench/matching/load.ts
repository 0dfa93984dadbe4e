import { ServiceType } from '@enterpark/common';
import { HttpClient } from '../intake/http';
import { closedLoop, LoadResult, openLoop, timed } from '../intake/load';
import { Desk, RoutedTicket } from './seed';

/**
 * Desk staff accepting routed tickets (`POST /tickets/:id/accept`), each ticket by a member
 * of its desk; every fourth names a priority, the others send `{}`.
 */
export class Acceptor {
  private readonly tokens = new Map<ServiceType, string[]>();

  constructor(
    private readonly http: HttpClient,
    staff: Desk[],
    private readonly signal: AbortSignal,
  ) {
    for (const s of staff) this.tokens.set(s.desk, [...(this.tokens.get(s.desk) ?? []), s.token]);
  }

  private acceptOne(ticket: RoutedTicket, n: number, dueAt: number, result: LoadResult): Promise<void> {
    const tokens = this.tokens.get(ticket.desk)!;
    const body = n % 4 === 3 ? { priority: 'high' } : {};
    return timed(result, dueAt, 200, () => this.http.send('POST', `/api/v1/tickets/${ticket.id}/accept`, body, tokens[n % tokens.length]));
  }

  /**
   * Open loop: the tickets in order at `perSecond`, whether or not earlier acceptances were
   * answered; one due while `maxInFlight` are unanswered is shed (left routed, counted failed).
   */
  steady(tickets: RoutedTicket[], perSecond: number, maxInFlight: number): Promise<LoadResult> {
    let n = 0;
    return openLoop(tickets.length, perSecond, this.signal, (dueAt, result) => this.acceptOne(tickets[n], n++, dueAt, result), maxInFlight);
  }

  /** Closed loop on `connections` connections until every ticket was sent once. */
  fullSpeed(tickets: RoutedTicket[], connections: number): Promise<LoadResult> {
    let n = 0;
    return closedLoop(connections, () => n < tickets.length, this.signal, (sentAt, result) => this.acceptOne(tickets[n], n++, sentAt, result));
  }
}
