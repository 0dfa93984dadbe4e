import { DomainError } from '@enterpark/common';

/** A digest preview for an account that does not exist. */
export class DigestRecipientNotFoundError extends DomainError {
  readonly code = 'DIGEST_RECIPIENT_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('userId 对应的用户不存在', [{ field: 'userId', rule: 'exists', message: 'userId 对应的用户不存在' }]);
  }
}
