import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { Ticket, TicketHistoryEntry, TICKET_STATUSES, TicketStatus } from '@enterpark/tickets';
import { PageQuery } from '../http/page.dto';
import { NoNulCharacter } from '../http/validators';

export class ListTicketsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOptional() @IsIn(SERVICE_TYPES) type?: ServiceType;
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() zoneId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() demandListId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'past the desired date and not finished' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ maxLength: 100, description: 'text in title or description' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NoNulCharacter()
  q?: string;
}

export class TicketHistoryResponse {
  @ApiProperty({ example: 'ticket.routed' }) type: string;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ type: Object }) data: unknown;
}

export class TicketResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) demandListId: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' }) desiredBy: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ enum: SERVICE_TYPES, nullable: true }) desk: ServiceType | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) routedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class TicketWithHistoryResponse extends TicketResponse {
  @ApiProperty({ type: [TicketHistoryResponse] }) history: TicketHistoryResponse[];
}

export function toTicketResponse(t: Ticket): TicketResponse {
  return {
    id: t.id,
    demandListId: t.demandListId,
    zoneId: t.zoneId,
    seq: t.seq,
    type: t.type,
    title: t.title,
    description: t.description,
    desiredBy: t.desiredBy,
    tags: t.tags,
    status: t.status,
    desk: t.desk,
    assigneeId: t.assigneeId,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    routedAt: t.routedAt?.toISOString() ?? null,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toHistoryResponse(h: TicketHistoryEntry): TicketHistoryResponse {
  return { type: h.type, at: h.at.toISOString(), actorId: h.actorId, data: h.data };
}
