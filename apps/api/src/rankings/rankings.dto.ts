import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { RankingItem, RankingTable, RankingWeights } from '@enterpark/statistics';

export class RankingQuery {
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year), Asia/Shanghai' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  period: string;

  @ApiProperty({ enum: ['zone', 'desk', 'provider'] })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  by: string;

  @ApiPropertyOptional({ enum: ['national', 'provincial', 'cultivating'], description: 'only zones of this level (and their tickets)' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  level?: string;
}

export class RankingWeightsBody implements RankingWeights {
  @ApiProperty({ example: 0.3, description: 'weight of completionRate' }) @IsNumber() completion: number;
  @ApiProperty({ example: 0.3, description: 'weight of onTimeRate' }) @IsNumber() onTime: number;
  @ApiProperty({ example: 0.3, description: 'weight of satisfactionRate' }) @IsNumber() satisfaction: number;
  @ApiProperty({ example: 0.1, description: 'weight of 1 − returnRate' }) @IsNumber() returns: number;
}

export class RankingItemResponse {
  @ApiProperty({ description: 'zone or provider id, or the desk\'s service type' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'tickets submitted in the period, cancelled ones left out' }) submitted: number;
  @ApiProperty({ description: 'of those, completed or closed' }) completed: number;
  @ApiProperty({ nullable: true, type: Number, description: 'completed ÷ submitted (0–1)' }) completionRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'completed without an SLA breach ÷ completed' }) onTimeRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'confirmations rated ≥ 4 ÷ confirmations' }) satisfactionRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'tickets ever returned (退单) ÷ submitted' }) returnRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'mean working days from submission to completion' }) avgWorkingDays: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '0–100; rates without a denominator are left out and the other weights scaled up' }) score: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'equal scores share a rank; null when unscored' }) rank: number | null;
}

export class RankingResponse {
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ example: '2026年11月' }) periodLabel: string;
  @ApiProperty({ enum: ['zone', 'desk', 'provider'] }) by: string;
  @ApiProperty({ nullable: true, type: String, enum: ['national', 'provincial', 'cultivating'] }) level: string | null;
  @ApiProperty({ type: RankingWeightsBody }) weights: RankingWeightsBody;
  @ApiProperty({ type: [RankingItemResponse] }) items: RankingItemResponse[];
}

export function toRankingResponse(t: RankingTable): RankingResponse {
  return { period: t.period.id, periodLabel: t.period.label, by: t.by, level: t.level, weights: t.weights, items: t.items.map((i: RankingItem) => ({ ...i })) };
}
