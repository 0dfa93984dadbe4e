import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { MATCH_LIMITS } from '@enterpark/matching';
import { IsBoundedText } from '../http/validators';

export const RESPOND_DECISIONS = ['accept', 'decline'] as const;
export type RespondDecision = (typeof RESPOND_DECISIONS)[number];

/** The provider's answer, posted by the page's forms (application/x-www-form-urlencoded). */
export class RespondMatchForm {
  @IsIn(RESPOND_DECISIONS)
  decision: RespondDecision;

  /** Required to decline; ignored (and not required) to accept. */
  @ValidateIf((form: RespondMatchForm) => form.decision === 'decline')
  @IsBoundedText(MATCH_LIMITS.declineReasonLength)
  reason?: string;
}

export class RespondLinkQuery {
  @IsString()
  @MaxLength(100)
  @Matches(/^[0-9A-Za-z._-]+$/, { message: '$property 只能包含英文字母、数字和 . _ -（请使用邮件中的完整链接）' })
  token: string;
}
