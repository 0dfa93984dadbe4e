import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { InvalidInputError } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { isStrongPassword } from '../domain/password-policy';
import { User } from '../domain/user';
import { UserNotFoundError } from '../identity.errors';
import { UserRepository } from '../persistence/user.repository';
import { AccountStatusCache } from './account-status-cache';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';

/** No 0/O, 1/l/I: a generated password is read off a screen and typed in by someone else. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const GENERATED_LENGTH = 16;

/**
 * Changing passwords. Either way the token version is bumped, so every session signed in with
 * the old password ends (within TOKEN_CHECK_CACHE_MS on other replicas).
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    private readonly statuses: AccountStatusCache,
    private readonly throttle: SignInThrottle,
  ) {}

  /**
   * One's own, proving the current one. A wrong current password counts against the sign-in
   * throttle like a failed sign-in: a stolen session must not become a way to guess it.
   */
  async change(userId: string, currentPassword: string, newPassword: string, address: string | null): Promise<User> {
    const own = await this.users.findById(userId);
    if (!own) throw new UserNotFoundError();
    const attempt = { email: own.email, address };
    const failures = await this.throttle.begin(attempt, '修改密码');
    const updated = await this.tx.run(async (manager) => {
      const locked = await this.users.lock(manager, userId);
      if (!locked) throw new UserNotFoundError();
      if (!(await this.hasher.verify(locked.passwordHash, currentPassword))) return null;
      if (await this.hasher.verify(locked.passwordHash, newPassword)) {
        throw InvalidInputError.field('newPassword', 'differentFromCurrent', '新密码不能与当前密码相同');
      }
      return this.store(manager, locked.user, newPassword);
    });
    if (!updated) {
      await this.throttle.failed(attempt, '修改密码', '当前密码错误', failures);
      throw InvalidInputError.field('currentPassword', 'matchesCurrent', '当前密码不正确');
    }
    await this.throttle.succeeded(attempt);
    this.statuses.forget(userId);
    return updated;
  }

  /**
   * A coordinator resets someone's password: the service generates it (16 characters, ~94 bits)
   * and answers it once; it is stored only as a hash. The owner's sign-in count is cleared.
   */
  async reset(userId: string): Promise<{ user: User; password: string }> {
    const password = generatePassword();
    const user = await this.tx.run(async (manager) => {
      const locked = await this.users.lock(manager, userId);
      if (!locked) throw new UserNotFoundError();
      return this.store(manager, locked.user, password);
    });
    this.statuses.forget(userId);
    await this.throttle.clearAccount(user.email);
    return { user, password };
  }

  private async store(manager: EntityManager, user: User, password: string): Promise<User> {
    const next = { ...user, tokenVersion: user.tokenVersion + 1 };
    await this.users.setPassword(manager, user.id, await this.hasher.hash(password), next.tokenVersion);
    return next;
  }
}

/** Random from ALPHABET, drawn again in the rare case it lacks a digit or a letter (it must meet the policy it enforces). */
function generatePassword(): string {
  for (;;) {
    const password = Array.from({ length: GENERATED_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (isStrongPassword(password)) return password;
  }
}
