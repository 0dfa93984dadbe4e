import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Zone, ZONE_LEVELS, ZoneLevel } from '@enterpark/demand';
import { IsNotBlank, MaxCodePoints, NoNulCharacter } from '../http/validators';

export class CreateZoneRequest {
  @ApiProperty({ example: 'hefei-etdz', description: 'lower-case letters, digits and dashes' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/)
  code: string;

  @ApiProperty({ example: '合肥经开区' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @MaxCodePoints(100)
  @IsNotBlank()
  @NoNulCharacter()
  name: string;

  @ApiProperty({ enum: ZONE_LEVELS })
  @IsIn(ZONE_LEVELS)
  level: ZoneLevel;

  @ApiProperty({ example: '合肥市' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @MaxCodePoints(50)
  @IsNotBlank()
  @NoNulCharacter()
  city: string;

  @ApiPropertyOptional({ example: '安徽省', default: '安徽省' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @MaxCodePoints(50)
  @IsNotBlank()
  @NoNulCharacter()
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
