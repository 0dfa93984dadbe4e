import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { TicketPriority } from '@enterpark/events';
import { ACTIVITY_KINDS, ActivityKind, TICKET_LIMITS, TICKET_PRIORITIES } from '@enterpark/tickets';
import { IsCalendarDay, IsNotBlank, IsOmittable, MaxCodePoints, NoNulCharacter } from '../http/validators';

const L = TICKET_LIMITS;

/** A required piece of free text (reason, question, answer, outcome): not blank, bounded, no NUL. */
function Text(max: number): PropertyDecorator {
  return (target, key) => {
    for (const d of [IsString(), MinLength(1), MaxLength(max), MaxCodePoints(max), IsNotBlank(), NoNulCharacter()]) d(target, key);
  };
}

export class AcceptTicketRequest {
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOmittable()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ example: '2026-12-31T18:00:00+08:00', description: 'when the service must be completed' })
  @IsOmittable()
  @IsISO8601({ strict: true, strictSeparator: true })
  dueAt?: string;
}

export class ReasonRequest {
  @ApiProperty({ maxLength: L.reasonLength, example: '不属于本服务台受理范围' }) @Text(L.reasonLength) reason: string;
}

export class RequestInfoRequest {
  @ApiProperty({ maxLength: L.textLength, example: '请补充融资规模与期限' }) @Text(L.textLength) question: string;
}

export class ProvideInfoRequest {
  @ApiProperty({ maxLength: L.textLength, example: '融资规模约 5000 万元，期限 3 年' }) @Text(L.textLength) answer: string;
}

export class ReturnTicketRequest extends ReasonRequest {
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOmittable() @IsIn(SERVICE_TYPES) suggestedType?: ServiceType;
}

export class RerouteTicketRequest extends ReasonRequest {
  @ApiProperty({ enum: SERVICE_TYPES, description: 'the type (desk) to route to; the same type sends it back to its desk' })
  @IsIn(SERVICE_TYPES)
  type: ServiceType;
}

export class AssignTicketRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() assigneeId: string;
}

export class RecordActivityRequest {
  @ApiProperty({ example: '2026-11-20', description: 'the day of the visit or session (YYYY-MM-DD)' })
  @IsCalendarDay()
  date: string;

  @ApiProperty({ enum: ACTIVITY_KINDS }) @IsIn(ACTIVITY_KINDS) kind: ActivityKind;

  @ApiProperty({ maxLength: L.textLength, example: '走访园区企业 5 家，对接融资需求' }) @Text(L.textLength) notes: string;
}

export class CompleteTicketRequest {
  @ApiProperty({ maxLength: L.outcomeLength, example: '促成园区贷授信 3000 万元' }) @Text(L.outcomeLength) outcome: string;

  @ApiPropertyOptional({ maxLength: L.textLength }) @IsOmittable() @Text(L.textLength) notes?: string;
}

export class ConfirmTicketRequest {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating: number;
  @ApiProperty({ description: 'false reopens the ticket' }) @IsBoolean() solved: boolean;
  @ApiPropertyOptional({ maxLength: L.reasonLength }) @IsOmittable() @Text(L.reasonLength) comment?: string;
}
