import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { SignInThrottledError } from '../identity.errors';
import { SignInThrottleRepository, ThrottleKey } from '../persistence/sign-in-throttle.repository';

/** Who is trying: the account named (known or not) and the client's address, when known. */
export interface SignInAttempt {
  email: string;
  address: string | null;
}

const accountKey = (a: SignInAttempt) => `account:${a.email}`;
const addressKey = (a: SignInAttempt) => (a.address ? `address:${a.address}` : null);

/**
 * The brake on password guessing: SIGN_IN_MAX_FAILURES per account and
 * SIGN_IN_MAX_FAILURES_PER_ADDRESS per client address within SIGN_IN_WINDOW_SECONDS; beyond
 * either, every attempt is refused (even with the right password) until the window ends.
 * A right password clears the account's count, never the address's (one known account must not
 * unlock guessing at others from the same address).
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly counters: SignInThrottleRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts the attempt as failed until proven otherwise and answers the account's failures in this
   * window so far (this one included); throws SignInThrottledError when a limit is reached.
   */
  async begin(attempt: SignInAttempt, purpose: string): Promise<number> {
    const { maxPerAccount, maxPerAddress, windowMs } = this.config.signInThrottle;
    const keys: ThrottleKey[] = [{ key: accountKey(attempt), max: maxPerAccount }];
    const address = addressKey(attempt);
    if (address) keys.push({ key: address, max: maxPerAddress });
    const reservation = await this.counters.reserve(keys, this.clock.now(), windowMs);
    if (!reservation.allowed) {
      const seconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
      this.logger.warn({ msg: `${purpose}被拒绝：失败次数已达上限，${seconds} 秒后解除`, email: attempt.email, address: attempt.address, retryAfterSeconds: seconds });
      throw new SignInThrottledError(seconds);
    }
    return reservation.failures.get(accountKey(attempt))!;
  }

  /** The password was wrong: logged (never the password), and a few ended windows are cleaned up. */
  async failed(attempt: SignInAttempt, purpose: string, reason: string, failures: number): Promise<void> {
    const { maxPerAccount } = this.config.signInThrottle;
    this.logger.warn({ msg: `${purpose}失败：${reason}（本时段该账号第 ${failures} 次，上限 ${maxPerAccount} 次）`, email: attempt.email, address: attempt.address, failures });
    await this.counters.purge(this.clock.now(), this.config.signInThrottle.windowMs);
  }

  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.counters.succeeded(accountKey(attempt), addressKey(attempt));
  }

  /** After a coordinator resets the password: the owner may sign in with it at once. */
  async clearAccount(email: string): Promise<void> {
    await this.counters.clear(accountKey({ email, address: null }));
  }
}
