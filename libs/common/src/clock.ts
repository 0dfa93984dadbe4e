/** Time comes from here so that tests can move it; never call `new Date()` for domain time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
