import { Injectable } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { AccountStatus, UserRepository } from '../persistence/user.repository';

interface Entry {
  status: Promise<AccountStatus | null>;
  until: number;
}

/** Entries beyond this trigger a sweep of the expired ones (a process sees a few thousand accounts). */
const SWEEP_ABOVE = 10_000;

/**
 * Each account's token version and active flag as this process last read them, for at most
 * TOKEN_CHECK_CACHE_MS (by the injected Clock): one query per account and period instead of one
 * per request. A change made here is seen here at once (forget); other replicas see it when their
 * entry runs out, so an old token stops working everywhere within that time.
 */
@Injectable()
export class AccountStatusCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Whether a token of `version` for the account still speaks for it. */
  async accepts(userId: string, version: number): Promise<boolean> {
    const status = await this.current(userId);
    return status !== null && status.active && status.tokenVersion === version;
  }

  forget(userId: string): void {
    this.entries.delete(userId);
  }

  private current(userId: string): Promise<AccountStatus | null> {
    const now = this.clock.now().getTime();
    const cached = this.entries.get(userId);
    if (cached && cached.until > now) return cached.status;
    if (this.entries.size > SWEEP_ABOVE) for (const [id, e] of this.entries) if (e.until <= now) this.entries.delete(id);
    // Concurrent requests of one account share one read; a failed read is not kept.
    const status = this.users.status(userId);
    const entry = { status, until: now + this.config.tokenCheckCacheMs };
    this.entries.set(userId, entry);
    status.catch(() => {
      if (this.entries.get(userId) === entry) this.entries.delete(userId);
    });
    return status;
  }
}
