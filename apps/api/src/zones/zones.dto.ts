import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Zone, ZONE_CODE_PATTERN, ZONE_CODE_RULE, ZONE_LEVELS, ZoneLevel } from '@enterpark/demand';
import { IsBoundedText } from '../http/validators';

export class CreateZoneRequest {
  @ApiProperty({ example: 'hefei-etdz', pattern: ZONE_CODE_PATTERN.source, description: 'letters, digits and dashes, 2–64 characters; case-insensitive, stored lower case' })
  @IsString()
  @Matches(ZONE_CODE_PATTERN, { message: `$property ${ZONE_CODE_RULE}` })
  code: string;

  @ApiProperty({ example: '合肥经开区' })
  @IsBoundedText(100)
  name: string;

  @ApiProperty({ enum: ZONE_LEVELS })
  @IsIn(ZONE_LEVELS)
  level: ZoneLevel;

  @ApiProperty({ example: '合肥市' })
  @IsBoundedText(50)
  city: string;

  @ApiPropertyOptional({ example: '安徽省', default: '安徽省' })
  @IsOptional()
  @IsBoundedText(50)
  province?: string;
}

export class ZoneResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ZONE_LEVELS }) level: ZoneLevel;
  @ApiProperty() city: string;
  @ApiProperty() province: string;
  @ApiProperty() createdAt: string;
}

export function toZoneResponse(zone: Zone): ZoneResponse {
  return { ...zone, createdAt: zone.createdAt.toISOString() };
}
