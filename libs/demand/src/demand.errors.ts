import { DomainError, ErrorDetail } from '@enterpark/common';

export class ZoneNotFoundError extends DomainError {
  readonly code = 'ZONE_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('园区不存在');
  }
}

export class ZoneCodeTakenError extends DomainError {
  readonly code = 'ZONE_CODE_TAKEN';
  readonly kind = 'conflict';
  constructor(code: string) {
    const message = `园区编码 ${code} 已存在（编码不区分大小写）`;
    super(message, [{ field: 'code', rule: 'unique', message }]);
  }
}

export class DemandListNotFoundError extends DomainError {
  readonly code = 'DEMAND_LIST_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('需求清单不存在');
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly kind = 'conflict';
  constructor() {
    super('该 Idempotency-Key 已用于内容不同的需求清单', [
      { field: 'Idempotency-Key', rule: 'sameBody', message: '同一 Idempotency-Key 必须对应相同的请求内容' },
    ]);
  }
}

export class DemandListForbiddenError extends DomainError {
  readonly code = 'DEMAND_LIST_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor() {
    super('只有园区管理员和开发区处协调人可以提交需求清单');
  }
}

/** A cell of an imported workbook that cannot be used: `row` as Excel numbers it, `column` its letter (null: the whole row or file). */
export interface WorkbookProblem extends ErrorDetail {
  row: number | null;
  column: string | null;
}

/** A demand list workbook refused as a whole, with every problem found (422). */
export class DemandWorkbookError extends DomainError {
  readonly code = 'DEMAND_WORKBOOK_INVALID';
  readonly kind = 'unprocessable';
  constructor(message: string, problems: WorkbookProblem[]) {
    super(message, problems);
  }
}
