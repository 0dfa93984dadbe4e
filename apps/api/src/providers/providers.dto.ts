import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { PROVIDER_LIMITS, ServiceProvider } from '@enterpark/matching';
import { PageQuery } from '../http/page.dto';

const L = PROVIDER_LIMITS;

export class CreateProviderRequest {
  @ApiProperty({ example: '徽商银行合肥分行' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.nameLength)
  name: string;

  @ApiProperty({ example: 'bank', description: 'expert, bank, fund, media, trainer, agency, instructor, …' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.kindLength)
  kind: string;

  @ApiProperty({ enum: SERVICE_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_TYPES.length)
  @IsIn(SERVICE_TYPES, { each: true })
  serviceTypes: ServiceType[];

  @ApiProperty({ minimum: 1, maximum: L.maxCapacity, description: 'concurrent active tickets' })
  @IsInt()
  @Min(1)
  @Max(L.maxCapacity)
  capacity: number;

  @ApiPropertyOptional({ type: [String], example: ['合肥市'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxCities)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  cities?: string[];

  @ApiPropertyOptional({ type: [String], example: ['园区贷', '产业基金'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxTags)
  @IsString({ each: true })
  @MaxLength(L.tagLength, { each: true })
  tags?: string[];

  @ApiProperty({ example: 'service@bank.example.cn' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class UpdateProviderRequest extends PartialType(CreateProviderRequest) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListProvidersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;
}

export class ProviderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) serviceTypes: ServiceType[];
  @ApiProperty() capacity: number;
  @ApiProperty({ type: [String] }) cities: string[];
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() email: string;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function toProviderResponse(p: ServiceProvider): ProviderResponse {
  return { ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}
