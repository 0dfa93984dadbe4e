import { DomainError } from '@enterpark/common';

export class ServiceProviderNotFoundError extends DomainError {
  readonly code = 'SERVICE_PROVIDER_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('服务机构不存在');
  }
}

/** Capacity may not drop below the provider's open matches (the database's CHECK said no). */
export class ProviderCapacityBelowLoadError extends DomainError {
  readonly code = 'PROVIDER_CAPACITY_BELOW_LOAD';
  readonly kind = 'conflict';
  constructor(activeMatches: number) {
    super(`服务机构当前有 ${activeMatches} 个进行中的匹配，服务容量不能低于该数量`, [
      { field: 'capacity', rule: 'atLeastActiveMatches', message: `capacity 不能小于当前进行中的匹配数 ${activeMatches}` },
    ], { activeMatches });
  }
}

export class ProviderAtCapacityError extends DomainError {
  readonly code = 'PROVIDER_AT_CAPACITY';
  readonly kind = 'conflict';
  constructor(providerId: string, capacity: number) {
    super('该服务机构的服务容量已满，无法再匹配新的工单', [], { providerId, capacity });
  }
}

/** The provider chosen by hand does not exist, is inactive, or does not serve the ticket's type. */
export class ProviderNotEligibleError extends DomainError {
  readonly code = 'PROVIDER_NOT_ELIGIBLE';
  readonly kind = 'invalid';
  constructor(rule: 'exists' | 'active' | 'servesType', message: string) {
    super(message, [{ field: 'providerId', rule, message }]);
  }
}

export class MatchNotFoundError extends DomainError {
  readonly code = 'MATCH_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('匹配记录不存在');
  }
}

/** The proposal was already accepted, declined, expired or withdrawn: a link works once. */
export class MatchAlreadyAnsweredError extends DomainError {
  readonly code = 'MATCH_ALREADY_ANSWERED';
  readonly kind = 'conflict';
  constructor(status: string) {
    super('该匹配推荐已处理，不能重复答复', [], { status });
  }
}

/** The answer window (or the link) has run out; the expiry sweep moves the ticket to the next candidate. */
export class MatchProposalExpiredError extends DomainError {
  readonly code = 'MATCH_PROPOSAL_EXPIRED';
  readonly kind = 'conflict';
  constructor(expiresAt: Date) {
    super('该匹配推荐已过答复期限', [], { expiresAt: expiresAt.toISOString() });
  }
}

/** A token that was not signed by us for this match (tampered, truncated, or another match's). */
export class MatchLinkInvalidError extends DomainError {
  readonly code = 'MATCH_LINK_INVALID';
  readonly kind = 'forbidden';
  constructor() {
    super('答复链接无效');
  }
}
