import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { SIMILAR_LIMITS, SimilarTicket } from '@enterpark/similarity';
import { TICKET_STATUSES, TicketStatus } from '@enterpark/tickets';

export class SimilarTicketsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: SIMILAR_LIMITS.max, default: SIMILAR_LIMITS.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SIMILAR_LIMITS.max)
  limit?: number;
}

export class SimilarTicketResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ example: '芜湖经开区' }) zoneName: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.42, description: 'cosine similarity of the two demands (title and tags weigh double), 3 decimals' })
  score: number;
}

export class SimilarTicketListResponse {
  @ApiProperty({ type: [SimilarTicketResponse], description: 'most similar first; only those at or above the similarity floor, so possibly fewer than limit' })
  items: SimilarTicketResponse[];
}

export function toSimilarTicketResponse(s: SimilarTicket): SimilarTicketResponse {
  return { ticketId: s.ticketId, zoneId: s.zoneId, zoneName: s.zoneName, title: s.title, status: s.status as TicketStatus, type: s.type, score: s.score };
}
