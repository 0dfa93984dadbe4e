import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { averageRating, DEFAULT_PROVINCE, PROVIDER_LIMITS, ServiceProvider } from '@enterpark/matching';
import { PageQuery } from '../http/page.dto';
import { IsBoundedText, IsOmittable, NoNulCharacter } from '../http/validators';

const L = PROVIDER_LIMITS;

export class CreateProviderRequest {
  @ApiProperty({ example: '徽商银行合肥分行' })
  @IsBoundedText(L.nameLength)
  name: string;

  @ApiProperty({ example: 'bank', description: 'expert, bank, fund, media, trainer, agency, instructor, …' })
  @IsBoundedText(L.kindLength)
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
  @IsOmittable() // not @IsOptional(): a null would reach a NOT NULL column on update
  @IsArray()
  @ArrayMaxSize(L.maxCities)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @NoNulCharacter({ each: true })
  cities?: string[];

  @ApiPropertyOptional({ example: DEFAULT_PROVINCE, default: DEFAULT_PROVINCE, maxLength: L.provinceLength, description: 'home province (region fit in matching)' })
  @IsOmittable()
  @IsBoundedText(L.provinceLength)
  province?: string;

  @ApiPropertyOptional({ type: [String], example: ['园区贷', '产业基金'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(L.maxTags)
  @IsString({ each: true })
  @MaxLength(L.tagLength, { each: true })
  @NoNulCharacter({ each: true })
  tags?: string[];

  @ApiProperty({ example: 'service@bank.example.cn' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** Every field may be left out; none may be null (each column is NOT NULL). */
export class UpdateProviderRequest extends PartialType(CreateProviderRequest, { skipNullProperties: false }) {
  @ApiPropertyOptional()
  @IsOmittable()
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
  @ApiProperty() province: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() email: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'open matches (proposed or accepted), at most capacity' }) activeMatches: number;
  @ApiProperty({ nullable: true, type: Number, description: 'mean rating (1–5) of closed tickets, null before the first' }) ratingAverage: number | null;
  @ApiProperty() ratingCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function toProviderResponse(p: ServiceProvider): ProviderResponse {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    serviceTypes: p.serviceTypes,
    capacity: p.capacity,
    cities: p.cities,
    province: p.province,
    tags: p.tags,
    email: p.email,
    active: p.active,
    activeMatches: p.activeMatches,
    ratingAverage: averageRating(p),
    ratingCount: p.ratingCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
