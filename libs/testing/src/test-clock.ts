import { Clock } from '@enterpark/common';

/**
 * Where every test context's clock starts unless a test brings its own: Monday 23 November
 * 2026, 10:00 in Shanghai. A year chinese-days ships, with every stage deadline of a ticket
 * filed then (at most 20 working days) still inside it, so no test depends on today's date
 * or on whether the package knows the year after today.
 */
export const TEST_EPOCH = new Date('2026-11-23T02:00:00.000Z');

/** A clock a test sets and moves; shared by the API and the worker of one TestContext. */
export class TestClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * Starts at a fixed instant and then runs with the wall clock: the dates a test sees are
 * fixed, the time that passes while it runs (timeouts, retries, leases) is real.
 */
export class RunningTestClock extends Clock {
  private readonly offsetMs: number;

  constructor(start: Date = TEST_EPOCH) {
    super();
    this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
