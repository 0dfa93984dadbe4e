import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorDetail } from '@enterpark/common';

export class ErrorDetailResponse implements ErrorDetail {
  @ApiProperty({ example: 'items.0.type' }) field: string;
  @ApiProperty({ example: 'isEnum' }) rule: string;
  @ApiProperty({ example: 'type 必须是以下值之一：media, finance, …' }) message: string;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 5, description: 'an imported workbook: the row number Excel shows (null: not one row)' }) row?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'C', description: 'an imported workbook: the column letter (null: the whole row)' }) column?: string | null;
}

/** The one shape of every error answer. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: '请求参数校验失败' }) message: string;
  @ApiPropertyOptional({ type: [ErrorDetailResponse] }) details?: ErrorDetail[];
  [key: string]: unknown;
}
