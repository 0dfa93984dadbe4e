import { DomainError } from '@enterpark/common';

export class InvalidCredentialsError extends DomainError {
  readonly code = 'AUTH_INVALID_CREDENTIALS';
  readonly kind = 'unauthenticated';
  constructor() {
    super('邮箱或密码错误');
  }
}

export class EmailTakenError extends DomainError {
  readonly code = 'USER_EMAIL_TAKEN';
  readonly kind = 'conflict';
  constructor() {
    super('该邮箱已被使用', [{ field: 'email', rule: 'unique', message: '该邮箱已被使用' }]);
  }
}
