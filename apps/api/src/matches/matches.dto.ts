import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AnswerVia, MATCH_LIMITS, MATCH_STATUSES, MatchOrigin, MatchStatus, TicketMatch, TicketMatchView } from '@enterpark/matching';
import { IsBoundedText } from '../http/validators';

export class ManualMatchRequest {
  @ApiProperty({ format: 'uuid', description: 'the provider chosen by hand: active, serving the ticket\'s type, with a free place' })
  @IsUUID()
  providerId: string;
}

export class DeclineMatchRequest {
  @ApiProperty({ minLength: 1, maxLength: MATCH_LIMITS.declineReasonLength, example: '本季度服务档期已满' })
  @IsBoundedText(MATCH_LIMITS.declineReasonLength)
  reason: string;
}

export class MatchLinkQuery {
  @ApiPropertyOptional({ description: 'the provider\'s signed answer link (no bearer token needed with it)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[0-9A-Za-z._-]+$/, { message: '$property 只能包含英文字母、数字和 . _ -（请使用邮件中的完整链接）' })
  token?: string;
}

export class MatchResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ enum: ['ranked', 'manual'] }) origin: MatchOrigin;
  @ApiProperty({ type: Object, example: { regionFit: 2, tagOverlap: 1, rating: 3, load: 0.2 } }) reasons: Record<string, unknown>;
  @ApiProperty() proposedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'null while the calendar lacks the year of the deadline' }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) answeredBy: string | null;
  @ApiProperty({ nullable: true, enum: ['staff', 'link'] }) answeredVia: AnswerVia | null;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt: string | null;
}

export class TicketMatchResponse extends MatchResponse {
  @ApiProperty() providerName: string;
}

export class TicketMatchListResponse {
  @ApiProperty({ type: [TicketMatchResponse] }) items: TicketMatchResponse[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toMatchResponse(m: TicketMatch): MatchResponse {
  return {
    id: m.id,
    ticketId: m.ticketId,
    providerId: m.providerId,
    status: m.status,
    origin: m.origin,
    reasons: m.reasons,
    proposedAt: m.proposedAt.toISOString(),
    expiresAt: iso(m.expiresAt),
    answeredAt: iso(m.answeredAt),
    answeredBy: m.answeredBy,
    answeredVia: m.answeredVia,
    declineReason: m.declineReason,
    endedAt: iso(m.endedAt),
  };
}

export function toTicketMatchResponse(m: TicketMatchView): TicketMatchResponse {
  return { ...toMatchResponse(m), providerName: m.providerName };
}
