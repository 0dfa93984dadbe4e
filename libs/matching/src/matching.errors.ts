import { DomainError } from '@enterpark/common';

export class ServiceProviderNotFoundError extends DomainError {
  readonly code = 'SERVICE_PROVIDER_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('服务机构不存在');
  }
}
