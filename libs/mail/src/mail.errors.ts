import { DomainError } from '@enterpark/common';

/** A draft a composer handed over breaks a rule of the mail library; the message is not stored. */
export class MailDraftInvalidError extends DomainError {
  readonly code = 'MAIL_DRAFT_INVALID';
  readonly kind = 'invalid';
  constructor(field: string, rule: string, message: string) {
    super(message, [{ field, rule, message }]);
  }
}

/** The recipient address is not one plain address (CR/LF, commas, angle brackets, several addresses...). */
export class MailAddressInvalidError extends DomainError {
  readonly code = 'MAIL_ADDRESS_INVALID';
  readonly kind = 'invalid';
  constructor(reason: string) {
    super(`收件人地址无效：${reason}`, [{ field: 'to.address', rule: 'isPlainAddress', message: `收件人地址无效：${reason}` }]);
  }
}

/** An unsubscribe token we did not sign, or signed for another user or category. */
export class MailUnsubscribeTokenInvalidError extends DomainError {
  readonly code = 'MAIL_UNSUBSCRIBE_TOKEN_INVALID';
  readonly kind = 'forbidden';
  constructor() {
    super('退订链接无效', [{ field: 'token', rule: 'validSignature', message: '退订链接无效或已损坏' }]);
  }
}

/** The user whose preferences were asked for does not exist, or is outside the caller's reach. */
export class MailPreferencesNotFoundError extends DomainError {
  readonly code = 'USER_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('用户不存在');
  }
}
