import { DomainError } from '@enterpark/common';
import { TicketStatus } from './domain/ticket-status';

export class TicketInvalidTransitionError extends DomainError {
  readonly code = 'TICKET_INVALID_TRANSITION';
  readonly kind = 'conflict';
  constructor(status: TicketStatus, action: string) {
    super(`工单当前状态为 ${status}，不能执行 ${action}`, [], { status, action });
  }
}

export class TicketNotFoundError extends DomainError {
  readonly code = 'TICKET_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('工单不存在');
  }
}
