import { DomainError } from '@enterpark/common';

export class ProblemNotFoundError extends DomainError {
  readonly code = 'PROBLEM_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('问题不存在');
  }
}

/** Only coordinators group, change and resolve problems. */
export class ProblemWriteForbiddenError extends DomainError {
  readonly code = 'PROBLEM_WRITE_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor() {
    super('只有协调员可以归集、调整和办结一类问题');
  }
}

/** Suggestions span every zone: only the province's readers get them. */
export class ProblemSuggestionsForbiddenError extends DomainError {
  readonly code = 'PROBLEM_SUGGESTIONS_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor() {
    super('归集建议涉及所有园区，只有协调员和领导可以查看');
  }
}

export class ProblemResolvedError extends DomainError {
  readonly code = 'PROBLEM_ALREADY_RESOLVED';
  readonly kind = 'conflict';
  constructor() {
    super('该问题已办结，不能再调整或重复办结', [], { status: 'resolved' });
  }
}

export class ProblemEmptyError extends DomainError {
  readonly code = 'PROBLEM_EMPTY';
  readonly kind = 'conflict';
  constructor() {
    super('该问题没有关联工单，不能办结');
  }
}

/** A ticket belongs to at most one problem. */
export class ProblemTicketTakenError extends DomainError {
  readonly code = 'PROBLEM_TICKET_TAKEN';
  readonly kind = 'conflict';
  constructor(ticketIds: readonly string[]) {
    super('部分工单已归入其他问题（每张工单只能归入一个问题）', [{ field: 'ticketIds', rule: 'onePerTicket', message: '每张工单只能归入一个问题' }], { ticketIds });
  }
}

export class ProblemTicketNotLinkedError extends DomainError {
  readonly code = 'PROBLEM_TICKET_NOT_LINKED';
  readonly kind = 'not_found';
  constructor() {
    super('该工单不在此问题中');
  }
}
