import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsUUID, ValidateBy } from 'class-validator';
import { parseIsoWeek } from '@enterpark/common';

export class DigestPreviewQuery {
  @ApiProperty({ format: 'uuid', description: 'the account whose digest to show' })
  @IsDefined()
  @IsUUID('all')
  userId: string;

  @ApiProperty({ example: '2026-W47', description: 'an ISO 8601 week (Monday to Sunday, Asia/Shanghai)' })
  @IsDefined()
  @ValidateBy({
    name: 'isIsoWeek',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseIsoWeek(value) !== null,
      defaultMessage: () => 'week 必须是有效的 ISO 周，格式为 YYYY-Www（例如 2026-W47）',
    },
  })
  week: string;
}
