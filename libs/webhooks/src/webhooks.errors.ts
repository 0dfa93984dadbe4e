import { DomainError } from '@enterpark/common';

export class WebhookEndpointNotFoundError extends DomainError {
  readonly code = 'WEBHOOK_ENDPOINT_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Webhook 端点不存在');
  }
}

/** The URL is not one we will ever send to (scheme, credentials, shape). */
export class WebhookUrlInvalidError extends DomainError {
  readonly code = 'WEBHOOK_URL_INVALID';
  readonly kind = 'invalid';
  constructor(rule: string, message: string) {
    super(message, [{ field: 'url', rule, message }]);
  }
}

/**
 * The destination resolves to an address outside the public internet (private, loopback,
 * link-local, cloud metadata…) or does not resolve. Thrown at registration (400 naming `url`)
 * and, at send time, recorded on the delivery instead of connecting.
 */
export class WebhookDestinationRefusedError extends DomainError {
  readonly code = 'WEBHOOK_DESTINATION_REFUSED';
  readonly kind = 'invalid';
  constructor(
    readonly rule: 'publicAddress' | 'resolvable',
    message: string,
  ) {
    super(message, [{ field: 'url', rule, message }]);
  }
}

/** Every endpoint is fanned out to on every event: their number is bounded. */
export class WebhookEndpointLimitError extends DomainError {
  readonly code = 'WEBHOOK_ENDPOINT_LIMIT';
  readonly kind = 'conflict';
  constructor(limit: number) {
    super(`Webhook 端点数量已达上限 ${limit} 个，请先删除不再使用的端点`, [
      { field: 'url', rule: 'maxEndpoints', message: `最多可登记 ${limit} 个 Webhook 端点` },
    ], { limit });
  }
}

/** Only coordinators manage webhooks (the API's role check says so first). */
export class WebhooksForbiddenError extends DomainError {
  readonly code = 'WEBHOOKS_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor() {
    super('只有省级统筹人员可以管理 Webhook');
  }
}
