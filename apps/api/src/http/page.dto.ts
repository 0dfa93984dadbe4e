import { Type } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TypeOf } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { decodeCursor, DEFAULT_PAGE_SIZE, isUuid, MAX_PAGE_SIZE, PageRequest } from '@enterpark/common';

/**
 * A cursor the server could have issued (encodeCursor of a stored row): an ISO instant as
 * toISOString() writes it and a UUID. Anything else would reach SQL as a malformed parameter.
 */
export function isWellFormedCursor(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { createdAt, id } = decodeCursor(value);
    const instant = new Date(createdAt);
    return isUuid(id) && !Number.isNaN(instant.getTime()) && instant.toISOString() === createdAt;
  } catch {
    return false;
  }
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @TypeOf(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @ValidateBy({ name: 'isCursor', validator: { validate: isWellFormedCursor, defaultMessage: () => 'cursor 无效' } })
  cursor?: string;
}

export function pageOf(query: PageQuery): PageRequest {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
}

export interface PageResponse<T> {
  items: T[];
  nextCursor: string | null;
}

const pageClasses = new Map<Type<unknown>, Type<unknown>>();

/**
 * Documents a list endpoint's `{items, nextCursor}` answer as `<Item>PageResponse`, so the
 * OpenAPI document (and the console's client generated from it) knows the items' type.
 */
export function ApiPageResponse(item: Type<unknown>): MethodDecorator {
  let page = pageClasses.get(item);
  if (!page) {
    page = class {};
    Object.defineProperty(page, 'name', { value: `${item.name.replace(/Response$/, '')}PageResponse` });
    ApiProperty({ type: [item] })(page.prototype, 'items');
    ApiProperty({ nullable: true, type: String, description: 'null on the last page' })(page.prototype, 'nextCursor');
    pageClasses.set(item, page);
  }
  return ApiOkResponse({ type: page });
}
