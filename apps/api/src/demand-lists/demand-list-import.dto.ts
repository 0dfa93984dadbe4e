import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { FileDemandListRequest } from './demand-lists.dto';

/** The form's text fields: the same rules as POST /demand-lists, each optional (the title may come from the workbook). */
export class ImportDemandListFields extends PartialType(PickType(FileDemandListRequest, ['title', 'period', 'zoneId'] as const)) {}

/** The multipart form as documented (the file is read apart from the fields). */
export class ImportDemandListForm extends ImportDemandListFields {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the .xlsx workbook (at most 5 MiB)' })
  file: unknown;
}

export class ImportDemandListQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'read and check the workbook, answer what would be filed, file nothing' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportedItemResponse {
  @ApiProperty({ description: 'the row number Excel shows' }) row: number;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' }) desiredBy: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
}

export class DemandListImportPreviewResponse {
  @ApiProperty({ description: 'the `title` field, else the title lines above the header' }) title: string;
  @ApiProperty({ nullable: true, type: String }) period: string | null;
  @ApiProperty({ description: 'the worksheet the list was read from' }) sheet: string;
  @ApiProperty({ type: [ImportedItemResponse] }) items: ImportedItemResponse[];
  @ApiProperty({ type: [String], description: 'headers of columns that were not imported' }) ignoredColumns: string[];
}
