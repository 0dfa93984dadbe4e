import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { AggregateType, EVENT_FEED_LIMITS, EVENT_NAMES, EventName, FeedEvent, isFeedCursor } from '@enterpark/events';

/** `types=a,b` or `types=a&types=b`: one list of names. */
function namesOf(value: unknown): unknown {
  const parts = Array.isArray(value) ? value : [value];
  return parts.flatMap((p) => (typeof p === 'string' ? p.split(',').map((s) => s.trim()) : [p]));
}

export class EventFeedQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous read; without it the feed starts at the beginning' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @ValidateBy({ name: 'isCursor', validator: { validate: isFeedCursor, defaultMessage: () => 'after 无效' } })
  after?: string;

  @ApiPropertyOptional({ type: String, description: 'comma-separated event names', example: 'ticket.closed,demand_list.completed' })
  @IsOptional()
  @Transform(({ value }) => namesOf(value))
  @IsArray()
  @ArrayMaxSize(EVENT_NAMES.length)
  @IsIn(EVENT_NAMES, { each: true })
  types?: EventName[];

  @ApiPropertyOptional({ minimum: 1, maximum: EVENT_FEED_LIMITS.maxLimit, default: EVENT_FEED_LIMITS.defaultLimit })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EVENT_FEED_LIMITS.maxLimit)
  limit?: number;
}

export class EventFeedItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'insertion number; the feed order is the commit-safe order of the cursor, not seq' }) seq: number;
  @ApiProperty({ enum: EVENT_NAMES }) type: EventName;
  @ApiProperty({ enum: ['demand_list', 'ticket'] }) aggregateType: AggregateType;
  @ApiProperty({ format: 'uuid' }) aggregateId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) zoneId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ type: Object }) data: unknown;
}

export class EventFeedResponse {
  @ApiProperty({ type: [EventFeedItemResponse] }) items: EventFeedItemResponse[];
  @ApiProperty({ description: 'where to resume (also when items is empty): pass it as `after`' }) nextCursor: string;
}

export function toEventFeedItem(e: FeedEvent): EventFeedItemResponse {
  return {
    id: e.id,
    seq: Number(e.seq),
    type: e.name,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    zoneId: e.zoneId,
    actorId: e.actorId,
    occurredAt: e.occurredAt.toISOString(),
    data: e.payload,
  };
}
