/**
 * The kinds of failure a use case can report. The API's error filter maps each
 * kind to one HTTP status; libraries never know about HTTP.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  /** Well-formed input whose content cannot be used (a text that cannot be read as what it claims to be). */
  | 'unprocessable'
  /** Refused for now, not for what was asked: `extra.retryAfterSeconds` says when to try again. */
  | 'too_many_requests';

export interface ErrorDetail {
  field: string;
  rule: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that passed shape validation but breaks a rule only a use case can check. */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
  readonly kind = 'invalid';

  static field(field: string, rule: string, message: string): InvalidInputError {
    return new InvalidInputError(message, [{ field, rule, message }]);
  }
}
