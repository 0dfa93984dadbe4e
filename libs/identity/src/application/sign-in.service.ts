import { Injectable } from '@nestjs/common';
import { normalizeEmail, User } from '../domain/user';
import { AccountDisabledError, InvalidCredentialsError } from '../identity.errors';
import { UserRepository } from '../persistence/user.repository';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';

/**
 * Email and password to the account, behind the sign-in throttle. An unknown email and a
 * wrong password take the same time and get the same answer; both count against the address
 * and against the email named.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
  ) {}

  async execute(email: string, password: string, address: string | null): Promise<User> {
    const attempt = { email: normalizeEmail(email), address };
    const failures = await this.throttle.begin(attempt, '登录');
    const found = await this.users.findCredentials(attempt.email);
    const ok = await this.hasher.verify(found?.passwordHash ?? null, password);
    if (!found || !ok) {
      await this.throttle.failed(attempt, '登录', found ? '密码错误' : '账号不存在', failures);
      throw new InvalidCredentialsError();
    }
    await this.throttle.succeeded(attempt);
    if (!found.user.active) throw new AccountDisabledError();
    return found.user;
  }
}
