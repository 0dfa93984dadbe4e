import { DomainError } from '@enterpark/common';

/** The ticket or match an event names does not exist: nothing to tell anyone, and a retry will not change that. */
export class NotificationSubjectNotFoundError extends DomainError {
  readonly code = 'NOTIFICATION_SUBJECT_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(what: 'ticket' | 'match' | 'problem', id: string) {
    super(`通知所涉及的${{ ticket: '工单', match: '匹配记录', problem: '已办结的问题' }[what]}不存在`, [], { [`${what}Id`]: id });
  }
}
