import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { PROBLEM_LIMITS, PROBLEM_STATUSES, ProblemDetail, ProblemStatus, ProblemSuggestion, ProblemTicket, ProblemView, SUGGESTION_LIMITS } from '@enterpark/problems';
import { TICKET_STATUSES, TicketStatus } from '@enterpark/tickets';
import { PageQuery } from '../http/page.dto';
import { IsBoundedText, IsOmittable } from '../http/validators';

const L = PROBLEM_LIMITS;

export class ProblemTicketIdsRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: L.ticketsPerRequest, description: `the tickets to link (1–${L.ticketsPerRequest}); each ticket belongs to at most one problem` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.ticketsPerRequest)
  @IsUUID('all', { each: true })
  ticketIds: string[];
}

export class CreateProblemRequest extends ProblemTicketIdsRequest {
  @ApiProperty({ maxLength: L.titleLength, example: '园区中小企业融资难' }) @IsBoundedText(L.titleLength) title: string;
  @ApiPropertyOptional({ maxLength: L.descriptionLength }) @IsOmittable() @IsBoundedText(L.descriptionLength) description?: string;
}

export class ResolveProblemRequest {
  @ApiProperty({ maxLength: L.resolutionLength, example: '省商务厅联合省地方金融监管局推出"园区贷"专项产品，各园区企业可向合作银行申请。', description: 'what was done; written on every linked ticket and offered to each desk as its completion outcome' })
  @IsBoundedText(L.resolutionLength)
  resolution: string;
}

export class ListProblemsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES }) @IsOptional() @IsIn(PROBLEM_STATUSES) status?: ProblemStatus;
}

export class ProblemSuggestionsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: SUGGESTION_LIMITS.max, default: SUGGESTION_LIMITS.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SUGGESTION_LIMITS.max)
  limit?: number;
}

export class ZoneCountResponse {
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() zoneName: string;
  @ApiProperty() count: number;
}

export class TypeCountResponse {
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() count: number;
}

export class ProblemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: PROBLEM_STATUSES }) status: ProblemStatus;
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt: string | null;
  @ApiProperty({ description: 'linked tickets; for a zone manager only their own zone\'s' }) ticketCount: number;
  @ApiProperty({ type: [ZoneCountResponse], description: 'for a zone manager only their own zone' }) byZone: ZoneCountResponse[];
  @ApiProperty({ type: [TypeCountResponse] }) byType: TypeCountResponse[];
}

export class ProblemTicketResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() zoneName: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ enum: SERVICE_TYPES, nullable: true }) desk: ServiceType | null;
}

export class ProblemDetailResponse extends ProblemResponse {
  @ApiProperty({ type: [ProblemTicketResponse], description: 'only the tickets the caller may read (a zone manager: their zone\'s; desk staff: their desks\')' })
  tickets: ProblemTicketResponse[];
}

export class TicketProblemResponse {
  @ApiProperty({ type: ProblemDetailResponse, nullable: true, description: 'the problem this ticket belongs to, or null' })
  problem: ProblemDetailResponse | null;
}

export class SuggestedTicketResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() zoneName: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ description: 'similarity to the first ticket of the cluster (1 for that ticket)' }) score: number;
}

export class ProblemSuggestionResponse {
  @ApiProperty({ description: 'the first ticket\'s title, offered as the problem\'s title' }) title: string;
  @ApiProperty({ minimum: 2 }) zoneCount: number;
  @ApiProperty({ type: [SuggestedTicketResponse] }) tickets: SuggestedTicketResponse[];
}

export class ProblemSuggestionListResponse {
  @ApiProperty({ type: [ProblemSuggestionResponse] }) items: ProblemSuggestionResponse[];
}

export function toProblemResponse(p: ProblemView): ProblemResponse {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    status: p.status,
    resolution: p.resolution,
    createdAt: p.createdAt.toISOString(),
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
    ticketCount: p.ticketCount,
    byZone: p.byZone,
    byType: p.byType,
  };
}

const toTicket = (t: ProblemTicket): ProblemTicketResponse => ({ ...t, status: t.status as TicketStatus });

export function toProblemDetailResponse(p: ProblemDetail): ProblemDetailResponse {
  return { ...toProblemResponse(p), tickets: p.tickets.map(toTicket) };
}

export function toSuggestionResponse(s: ProblemSuggestion): ProblemSuggestionResponse {
  return { title: s.title, zoneCount: s.zoneCount, tickets: s.tickets.map((t) => ({ ...t, status: t.status as TicketStatus })) };
}
