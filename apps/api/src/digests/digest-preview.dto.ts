import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsUUID } from 'class-validator';
import { IsIsoWeek } from '../http/validators';

export class DigestPreviewQuery {
  @ApiProperty({ format: 'uuid', description: 'the account whose digest to show' })
  @IsDefined()
  @IsUUID('all')
  userId: string;

  @ApiProperty({ example: '2026-W47', description: 'an ISO 8601 week (Monday to Sunday, Asia/Shanghai)' })
  @IsDefined()
  @IsIsoWeek()
  week: string;
}
