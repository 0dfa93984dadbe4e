import { DomainError } from '@enterpark/common';

/** Similar tickets come from every zone: a zone manager, who sees only their own, gets none. */
export class SimilarTicketsForbiddenError extends DomainError {
  readonly code = 'SIMILAR_TICKETS_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor() {
    super('相似工单涉及其他园区，园区管理员无权查看');
  }
}
