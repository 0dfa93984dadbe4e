import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { StoredBulletin } from '@enterpark/bulletins';

export class IssueBulletinRequest {
  @ApiProperty({ example: '2026-11', description: 'a month YYYY-MM or a quarter YYYY-Qn that has ended' })
  @IsString()
  @MaxLength(10)
  period: string;
}

export class BulletinPreviewQuery {
  @ApiProperty({ example: '2026-12', description: 'a month YYYY-MM or a quarter YYYY-Qn, ended or not' })
  @IsString()
  @MaxLength(10)
  period: string;
}

export class BulletinSummaryResponse {
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ enum: ['month', 'quarter'] }) kind: string;
  @ApiProperty({ example: '2026年11月' }) label: string;
  @ApiProperty({ example: '全省"进园区"服务工作情况通报（2026年11月）' }) title: string;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the coordinator who issued it by hand; null when the schedule did' }) issuedBy: string | null;
}

export class BulletinPageResponse {
  @ApiProperty({ type: [BulletinSummaryResponse] }) items: BulletinSummaryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class BulletinResponse extends BulletinSummaryResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the frozen figures: period, title, asOf, weights, overview, actions, zones (ranked), problems {overdue, returned, escalated, lowestRated}, problemRecords (问题归集)',
  })
  content: Record<string, unknown>;
}

export class IssuedBulletinResponse extends BulletinSummaryResponse {
  @ApiProperty({ description: 'false when the period already had its bulletin (nothing was issued again)' }) created: boolean;
}

export function toBulletinSummary(b: StoredBulletin): BulletinSummaryResponse {
  return { period: b.period, kind: b.kind, label: b.content.period.label, title: b.content.title, issuedAt: b.issuedAt.toISOString(), issuedBy: b.issuedBy };
}
