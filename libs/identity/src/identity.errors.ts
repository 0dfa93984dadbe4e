import { DomainError } from '@enterpark/common';

export class InvalidCredentialsError extends DomainError {
  readonly code = 'AUTH_INVALID_CREDENTIALS';
  readonly kind = 'unauthenticated';
  constructor() {
    super('邮箱或密码错误');
  }
}

/** Told only to someone who knew the password: to anyone else a deactivated account looks like a wrong password. */
export class AccountDisabledError extends DomainError {
  readonly code = 'AUTH_ACCOUNT_DISABLED';
  readonly kind = 'unauthenticated';
  constructor() {
    super('该账号已停用，请联系协调员');
  }
}

export class SignInThrottledError extends DomainError {
  readonly code = 'SIGN_IN_THROTTLED';
  readonly kind = 'too_many_requests';
  constructor(retryAfterSeconds: number) {
    super(`登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, [], { retryAfterSeconds });
  }
}

export class EmailTakenError extends DomainError {
  readonly code = 'USER_EMAIL_TAKEN';
  readonly kind = 'conflict';
  constructor() {
    super('该邮箱已被使用', [{ field: 'email', rule: 'unique', message: '该邮箱已被使用' }]);
  }
}

export class UserNotFoundError extends DomainError {
  readonly code = 'USER_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('用户不存在');
  }
}
