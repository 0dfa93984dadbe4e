interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers items handed in by concurrent jobs and flushes them together, so that many
 * jobs share one database transaction. `flushBatch` may answer one result per item, in
 * order; each job gets its own. A batch that fails is retried item by item, so one bad
 * item fails only its own job.
 */
export class MicroBatcher<T, R = void> {
  private pending: Pending<T, R>[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushBatch: (items: T[]) => Promise<readonly R[] | void>,
    private readonly maxSize: number,
    private readonly maxWaitMs: number,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) void this.run(batch);
  }

  private async run(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.flushBatch(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results?.[i] as R));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const p of batch) {
        await this.flushBatch([p.item]).then((results) => p.resolve(results?.[0] as R), p.reject);
      }
    }
  }
}
