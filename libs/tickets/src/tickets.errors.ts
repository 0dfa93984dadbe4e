import { DomainError } from '@enterpark/common';
import { TicketStatus } from './domain/ticket-status';
import { allowedActions, TicketAction, UserAction } from './domain/ticket-actions';

/** `allowed`: what the caller may do instead (see refusalFor); by default what any role could. */
export class TicketInvalidTransitionError extends DomainError {
  readonly code = 'TICKET_INVALID_TRANSITION';
  readonly kind = 'conflict';
  constructor(
    readonly status: TicketStatus,
    readonly action: TicketAction,
    allowed: readonly UserAction[] = allowedActions(status),
  ) {
    super(`工单当前状态为 ${status}，不能执行 ${action}`, [], { status, action, allowedActions: allowed });
  }
}

export class TicketNotFoundError extends DomainError {
  readonly code = 'TICKET_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('工单不存在');
  }
}

export class TicketActionForbiddenError extends DomainError {
  readonly code = 'TICKET_ACTION_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor(action: string) {
    super(`当前角色无权对工单执行 ${action}`, [], { action });
  }
}

/** Someone changed the ticket between our read and our write. */
export class TicketVersionConflictError extends DomainError {
  readonly code = 'TICKET_VERSION_CONFLICT';
  readonly kind = 'conflict';
  constructor(status: TicketStatus) {
    super('工单已被他人修改，请刷新后重试', [], { status, allowedActions: allowedActions(status) });
  }
}

export class AssigneeNotOnDeskError extends DomainError {
  readonly code = 'ASSIGNEE_NOT_ON_DESK';
  readonly kind = 'invalid';
  constructor() {
    super('被指派人不是该服务台的工作人员，或其账号已停用', [{ field: 'assigneeId', rule: 'deskMember', message: '被指派人必须是该服务台账号未停用的工作人员' }]);
  }
}

export class ActivityLimitReachedError extends DomainError {
  readonly code = 'ACTIVITY_LIMIT_REACHED';
  readonly kind = 'conflict';
  constructor(limit: number) {
    super(`每个工单最多记录 ${limit} 条服务活动`, [], { limit });
  }
}
