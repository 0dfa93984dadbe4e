import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { TicketPriority } from '@enterpark/events';
import { ACTIVITY_KINDS, ActivityKind, TICKET_LIMITS, TICKET_PRIORITIES } from '@enterpark/tickets';
import { IsBoundedText, IsCalendarDay, IsDeadline, IsOmittable } from '../http/validators';

const L = TICKET_LIMITS;

export class AcceptTicketRequest {
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOmittable()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ example: '2026-12-31T18:00:00+08:00', description: 'when the service must be completed: a time with its offset, or a date alone (the end of that day, 24:00 Asia/Shanghai)' })
  @IsOmittable()
  @IsDeadline()
  dueAt?: string;
}

export class ReasonRequest {
  @ApiProperty({ maxLength: L.reasonLength, example: '不属于本服务台受理范围' }) @IsBoundedText(L.reasonLength) reason: string;
}

export class RequestInfoRequest {
  @ApiProperty({ maxLength: L.textLength, example: '请补充融资规模与期限' }) @IsBoundedText(L.textLength) question: string;
}

export class ProvideInfoRequest {
  @ApiProperty({ maxLength: L.textLength, example: '融资规模约 5000 万元，期限 3 年' }) @IsBoundedText(L.textLength) answer: string;
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

  @ApiProperty({ maxLength: L.textLength, example: '走访园区企业 5 家，对接融资需求' }) @IsBoundedText(L.textLength) notes: string;
}

export class CompleteTicketRequest {
  @ApiProperty({ maxLength: L.outcomeLength, example: '促成园区贷授信 3000 万元' }) @IsBoundedText(L.outcomeLength) outcome: string;

  @ApiPropertyOptional({ maxLength: L.textLength }) @IsOmittable() @IsBoundedText(L.textLength) notes?: string;
}

export class ConfirmTicketRequest {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating: number;
  @ApiProperty({ description: 'false reopens the ticket' }) @IsBoolean() solved: boolean;
  @ApiPropertyOptional({ maxLength: L.reasonLength }) @IsOmittable() @IsBoundedText(L.reasonLength) comment?: string;
}
