import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { ExperienceTemplate, SuggestedTemplate, TEMPLATE_LIMITS, TEMPLATE_STATUSES, TemplateStatus } from '@enterpark/templates';
import { PageQuery } from '../http/page.dto';
import { IsBoundedText, IsCalendarDay, IsOmittable } from '../http/validators';

const L = TEMPLATE_LIMITS;

export class CreateTemplateRequest {
  @ApiProperty({ format: 'uuid', description: 'a ticket the zone confirmed solved (closed) and rated at least 4' }) @IsUUID() fromTicketId: string;
}

export class TemplateStepDto {
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDay() day: string;
  @ApiProperty({ example: 'visit' }) @IsBoundedText(50) kind: string;
  @ApiProperty({ maxLength: L.stepNotesLength }) @IsBoundedText(L.stepNotesLength) notes: string;
}

export class UpdateTemplateRequest {
  @ApiPropertyOptional({ maxLength: L.titleLength }) @IsOmittable() @IsBoundedText(L.titleLength) title?: string;
  @ApiPropertyOptional({ maxLength: L.demandLength }) @IsOmittable() @IsBoundedText(L.demandLength) demand?: string;
  @ApiPropertyOptional({ maxLength: L.outcomeLength }) @IsOmittable() @IsBoundedText(L.outcomeLength) outcome?: string;
  @ApiPropertyOptional({ type: [TemplateStepDto], maxItems: L.maxSteps })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(L.maxSteps)
  @ValidateNested({ each: true })
  @Type(() => TemplateStepDto)
  steps?: TemplateStepDto[];
  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES, description: 'draft (草稿) or published (已发布)' }) @IsOmittable() @IsIn(TEMPLATE_STATUSES) status?: TemplateStatus;
}

export class ListTemplatesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOptional() @IsIn(SERVICE_TYPES) type?: ServiceType;
  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES }) @IsOptional() @IsIn(TEMPLATE_STATUSES) status?: TemplateStatus;
  @ApiPropertyOptional({ maxLength: 100, description: 'text in the title, demand or outcome' }) @IsOptional() @MaxLength(100) q?: string;
}

export class SuggestTemplatesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: L.suggestMax, default: L.suggestDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(L.suggestMax)
  limit?: number;
}

export class TemplateStepResponse {
  @ApiProperty() day: string;
  @ApiProperty() kind: string;
  @ApiProperty() notes: string;
}

export class TemplateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sourceTicketId: string;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() title: string;
  @ApiProperty() demand: string;
  @ApiProperty({ type: [TemplateStepResponse] }) steps: TemplateStepResponse[];
  @ApiProperty() outcome: string;
  @ApiProperty({ nullable: true, type: String, description: 'the kind of provider that served the source ticket' }) providerKind: string | null;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'the source ticket\'s rating' }) rating: number;
  @ApiProperty({ enum: TEMPLATE_STATUSES }) status: TemplateStatus;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: '使用次数: tickets that used it' }) usedCount: number;
  @ApiProperty({ nullable: true, type: Number, description: '平均评分 of the tickets that used it and were rated' }) averageRating: number | null;
}

export class SuggestedTemplateResponse {
  @ApiProperty({ type: TemplateResponse }) template: TemplateResponse;
  @ApiProperty({ description: 'similarity of the template to the ticket\'s demand' }) score: number;
}

export class SuggestedTemplateListResponse {
  @ApiProperty({ type: [SuggestedTemplateResponse] }) items: SuggestedTemplateResponse[];
}

export class TemplateUseResponse {
  @ApiProperty({ type: TemplateResponse }) template: TemplateResponse;
  @ApiProperty({ description: 'false when this ticket had already used the template' }) recorded: boolean;
}

export function toTemplateResponse(t: ExperienceTemplate): TemplateResponse {
  return { ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() };
}

export function toSuggestedTemplateResponse(s: SuggestedTemplate): SuggestedTemplateResponse {
  return { template: toTemplateResponse(s.template), score: s.score };
}
