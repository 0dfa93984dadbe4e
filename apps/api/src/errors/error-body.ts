import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorDetail } from '@enterpark/common';

export class ErrorDetailResponse implements ErrorDetail {
  @ApiProperty({ example: 'items.0.type' }) field: string;
  @ApiProperty({ example: 'isEnum' }) rule: string;
  @ApiProperty({ example: 'type 必须是以下值之一：media, finance, …' }) message: string;
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
