import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Zone, ZONE_LEVELS, ZoneLevel } from '@enterpark/demand';
import { IsBoundedText } from '../http/validators';

export class CreateZoneRequest {
  @ApiProperty({ example: 'hefei-etdz', description: 'lower-case letters, digits and dashes' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/)
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
