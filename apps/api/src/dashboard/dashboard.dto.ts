import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { SlaStage } from '@enterpark/events';
import { Dashboard, LeagueEntry } from '@enterpark/statistics';
import { TICKET_STATUSES } from '@enterpark/tickets';

export class DashboardQuery {
  @ApiPropertyOptional({ example: '2026-W36', description: 'first ISO week (default: 11 weeks before `to`)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ example: '2026-W47', description: 'last ISO week, included (default: the current week, Asia/Shanghai)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

export class TypeCountResponse {
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty({ example: '金融进园区' }) typeName: string;
  @ApiProperty({ description: 'tickets of this type now (GET /tickets?type=)' }) count: number;
}

export class StatusCountResponse {
  @ApiProperty({ enum: TICKET_STATUSES }) status: string;
  @ApiProperty({ description: 'tickets in this status now (GET /tickets?status=)' }) count: number;
}

export class WeekPointResponse {
  @ApiProperty({ example: '2026-W47' }) week: string;
  @ApiProperty({ description: 'Monday 00:00 Asia/Shanghai' }) startsAt: string;
  @ApiProperty({ description: 'tickets filed in the week' }) filed: number;
  @ApiProperty({ description: 'tickets whose service was completed in the week' }) completed: number;
}

export class SlaComplianceResponse {
  @ApiProperty({ enum: ['triage', 'matching', 'service'] }) stage: SlaStage;
  @ApiProperty({ description: 'stages ended in the period within their working-day deadline' }) onTime: number;
  @ApiProperty({ description: 'stages ended in the period after their deadline had passed' }) breached: number;
}

export class LeagueEntryResponse {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() zoneName: string;
  @ApiProperty({ description: 'service completed in the period' }) completed: number;
  @ApiProperty({ description: 'still being worked on' }) open: number;
  @ApiProperty({ description: 'completed / (completed + open)' }) completionRate: number;
  @ApiProperty({ nullable: true, type: Number, description: 'working days accepted → matched' }) medianDaysToMatch: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'working days matched → completed' }) medianDaysToComplete: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
}

export class LeagueOverallResponse {
  @ApiProperty({ nullable: true, type: Number }) completionRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianDaysToMatch: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianDaysToComplete: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
}

export class LeagueTableResponse {
  @ApiProperty({ type: [LeagueEntryResponse], description: 'the first places' }) top: LeagueEntryResponse[];
  @ApiProperty({ type: [LeagueEntryResponse], description: 'the last places, when the table is longer than top + bottom' }) bottom: LeagueEntryResponse[];
  @ApiProperty({ description: 'zones ranked (with completions or open work)' }) ranked: number;
  @ApiProperty({ description: 'zones between top and bottom, left out' }) leftOut: number;
  @ApiProperty({ type: LeagueOverallResponse }) overall: LeagueOverallResponse;
}

export class DashboardResponse {
  @ApiProperty({ example: '2026-W36' }) from: string;
  @ApiProperty({ example: '2026-W47' }) to: string;
  @ApiProperty({ type: [TypeCountResponse] }) byType: TypeCountResponse[];
  @ApiProperty({ type: [StatusCountResponse] }) byStatus: StatusCountResponse[];
  @ApiProperty({ type: [WeekPointResponse], description: 'one point per ISO week from `from` to `to`' }) weekly: WeekPointResponse[];
  @ApiProperty({ type: [SlaComplianceResponse] }) sla: SlaComplianceResponse[];
  @ApiProperty({ type: LeagueTableResponse, description: 'zones over the period, ranked as in the weekly digest' }) league: LeagueTableResponse;
}

const entry = (e: LeagueEntry): LeagueEntryResponse => ({ ...e });

export function toDashboardResponse(d: Dashboard): DashboardResponse {
  const weeks = d.period.weeks;
  return {
    from: weeks[0].id,
    to: weeks[weeks.length - 1].id,
    byType: d.byType.map((t) => ({ type: t.type, typeName: SERVICE_TYPE_LABELS[t.type], count: t.count })),
    byStatus: d.byStatus,
    weekly: d.weekly.map((p) => ({ week: p.week.id, startsAt: p.week.startsAt.toISOString(), filed: p.filed, completed: p.completed })),
    sla: d.sla,
    league: { top: d.league.top.map(entry), bottom: d.league.bottom.map(entry), ranked: d.league.ranked, leftOut: d.league.leftOut, overall: d.league.overall },
  };
}
