import { DomainError } from '@enterpark/common';
import { TEMPLATE_RULES } from './domain/template';

export class TemplateNotFoundError extends DomainError {
  readonly code = 'TEMPLATE_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('经验模板不存在');
  }
}

/** Templates carry other zones' demands: zone managers do not read them. */
export class TemplatesForbiddenError extends DomainError {
  readonly code = 'TEMPLATES_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor(what = '当前角色无权使用经验模板') {
    super(what);
  }
}

/** Only a closed ticket the zone rated well becomes a template. */
export class TemplateSourceNotEligibleError extends DomainError {
  readonly code = 'TEMPLATE_SOURCE_NOT_ELIGIBLE';
  readonly kind = 'unprocessable';
  constructor(status: string, rating: number | null) {
    const rule = `只有园区已确认办结（closed）且评分不低于 ${TEMPLATE_RULES.minRating} 分的工单可以形成经验模板`;
    super(rule, [{ field: 'fromTicketId', rule: 'closedAndWellRated', message: rule }], { status, rating, minRating: TEMPLATE_RULES.minRating });
  }
}

export class TemplateExistsError extends DomainError {
  readonly code = 'TEMPLATE_EXISTS';
  readonly kind = 'conflict';
  constructor(templateId: string) {
    super('该工单已形成经验模板', [], { templateId });
  }
}

export class TemplateNotPublishedError extends DomainError {
  readonly code = 'TEMPLATE_NOT_PUBLISHED';
  readonly kind = 'conflict';
  constructor() {
    super('草稿状态的经验模板不能使用，请先发布', [], { status: 'draft' });
  }
}
