import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { DEMAND_LIST_LIMITS as L, DemandListView } from '@enterpark/demand';
import { Ticket, TICKET_STATUSES, TicketStatus } from '@enterpark/tickets';
import { PageQuery } from '../http/page.dto';
import { NoNulCharacter } from '../http/validators';

/** Phone numbers as people write them: 0551-63571234转8012, +86 139 0000 0000, two numbers separated by 、 or ，. */
const PHONE = /^[0-9+\-() /、,，;；转]*[0-9][0-9+\-() /、,，;；转]*$/;

export class DemandItemRequest {
  @ApiProperty({ enum: SERVICE_TYPES, example: 'finance' })
  @IsIn(SERVICE_TYPES)
  type: ServiceType;

  @ApiProperty({ example: '对接园区贷融资渠道', maxLength: L.itemTitleLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.itemTitleLength)
  @NoNulCharacter()
  title: string;

  @ApiPropertyOptional({ maxLength: L.descriptionLength })
  @IsOptional()
  @IsString()
  @MaxLength(L.descriptionLength)
  @NoNulCharacter()
  description?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'the date the zone wants it by' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  // A calendar date: ISO week, ordinal and partial dates are not dates to the database.
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property 必须是 YYYY-MM-DD 格式的日期' })
  desiredBy?: string;

  @ApiPropertyOptional({ type: [String], maxItems: L.maxTags })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxTags)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(L.tagLength, { each: true })
  @NoNulCharacter({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ example: '张伟', maxLength: L.contactNameLength, description: 'who at the zone the desk calls about this item (联系人)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(L.contactNameLength)
  @NoNulCharacter()
  contactName?: string;

  @ApiPropertyOptional({ example: '0551-63571234', maxLength: L.contactPhoneLength, description: "the contact's phone number(s) (联系电话)" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(L.contactPhoneLength)
  @Matches(PHONE, { message: '$property 只能包含数字、空格及 + - ( ) / 、 ， 转 等电话号码字符' })
  contactPhone?: string;
}

export class FileDemandListRequest {
  @ApiProperty({ example: '2026年第四季度合肥经开区需求清单', maxLength: L.titleLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.titleLength)
  @NoNulCharacter()
  title: string;

  @ApiPropertyOptional({ example: '2026-Q4', maxLength: L.periodLength })
  @IsOptional()
  @IsString()
  @MaxLength(L.periodLength)
  @NoNulCharacter()
  period?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'coordinators only: the zone filed for' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @ApiProperty({ type: [DemandItemRequest], minItems: 1, maxItems: L.maxItems })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxItems)
  @ValidateNested({ each: true })
  @Type(() => DemandItemRequest)
  items: DemandItemRequest[];
}

export class ListDemandListsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;
}

export class ListedTicketResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
}

export class DemandListResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ example: '合肥经开区' }) zoneName: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) period: string | null;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ format: 'uuid' }) filedBy: string;
  @ApiProperty() itemCount: number;
  @ApiProperty({ description: 'tickets of the list the caller sees (a desk: those routed to its desks)' }) ticketCount: number;
  @ApiProperty({ description: 'of those, completed, closed, rejected or cancelled (已办结 finishedCount / ticketCount)' }) finishedCount: number;
  @ApiProperty() createdAt: string;
}

export class DemandListPageResponse {
  @ApiProperty({ type: [DemandListResponse] }) items: DemandListResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class DemandListWithTicketsResponse extends DemandListResponse {
  @ApiProperty({ type: [ListedTicketResponse] }) tickets: ListedTicketResponse[];
}

export function toDemandListResponse(list: DemandListView): DemandListResponse {
  return {
    id: list.id,
    zoneId: list.zoneId,
    zoneName: list.zoneName,
    title: list.title,
    period: list.period,
    status: list.status,
    filedBy: list.filedBy,
    itemCount: list.itemCount,
    ticketCount: list.ticketCount,
    finishedCount: list.finishedCount,
    createdAt: list.createdAt.toISOString(),
  };
}

export function toDemandListWithTickets(list: DemandListView, tickets: Ticket[]): DemandListWithTicketsResponse {
  return {
    ...toDemandListResponse(list),
    tickets: tickets.map((t) => ({ id: t.id, seq: t.seq, type: t.type, title: t.title, status: t.status })),
  };
}
