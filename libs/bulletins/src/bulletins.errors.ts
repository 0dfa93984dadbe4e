import { DomainError } from '@enterpark/common';

export class BulletinPeriodInvalidError extends DomainError {
  readonly code = 'BULLETIN_PERIOD_INVALID';
  readonly kind = 'invalid';
  constructor() {
    const message = 'period 须为月份 YYYY-MM 或季度 YYYY-Qn，如 2026-11、2026-Q4';
    super(message, [{ field: 'period', rule: 'isMonthOrQuarter', message }]);
  }
}

export class BulletinPeriodNotEndedError extends DomainError {
  readonly code = 'BULLETIN_PERIOD_NOT_ENDED';
  readonly kind = 'unprocessable';
  constructor(label: string) {
    const message = `${label}尚未结束，不能印发通报；可先预览草稿`;
    super(message, [{ field: 'period', rule: 'hasEnded', message }]);
  }
}

export class BulletinNotFoundError extends DomainError {
  readonly code = 'BULLETIN_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(period: string) {
    super(`${period} 的通报尚未印发`);
  }
}
