import { Injectable } from '@nestjs/common';
import { Clock, SERVICE_TYPE_LABELS, ServiceType } from '@enterpark/common';
import { ProblemFigure, ProblemPeriod, ProblemStatistics } from '@enterpark/problems';
import { parseReportPeriod, RankingsService, ReportPeriod } from '@enterpark/statistics';
import { BulletinPeriodInvalidError } from '../bulletins.errors';
import { BulletinContent, BulletinKind, bulletinTitle, ProblemRecordLine, ProblemRecords } from '../domain/bulletin-content';
import { BulletinProblemsRepository } from '../persistence/bulletin-problems.repository';

/** A month or quarter (a year has no bulletin), or BulletinPeriodInvalidError naming `period`. */
export function bulletinPeriod(text: unknown): ReportPeriod & { kind: BulletinKind } {
  const period = typeof text === 'string' ? parseReportPeriod(text) : null;
  if (!period || period.kind === 'year') throw new BulletinPeriodInvalidError();
  return period as ReportPeriod & { kind: BulletinKind };
}

/** 问题归集 as the bulletin lists it: the open problems, then those resolved in the period. */
function problemRecords(p: ProblemPeriod): ProblemRecords {
  const line = (f: ProblemFigure, status: ProblemRecordLine['status']): ProblemRecordLine => ({
    title: f.title,
    zones: f.zones.map((z) => `${z.zoneName} ${z.count}`).join('、'),
    ticketCount: f.ticketCount,
    status,
    resolution: f.resolution ?? '',
  });
  return {
    created: p.created,
    resolved: p.resolved.total,
    open: p.open.total,
    lines: [...p.open.items.map((f) => line(f, '办理中')), ...p.resolved.items.map((f) => line(f, '已办结'))],
  };
}

/** Takes a bulletin's figures now: the league tables of zones and desks (the statistics module's), the problems and 问题归集. */
@Injectable()
export class ComposeBulletinService {
  constructor(
    private readonly rankings: RankingsService,
    private readonly problems: BulletinProblemsRepository,
    private readonly problemStatistics: ProblemStatistics,
    private readonly clock: Clock,
  ) {}

  async compose(period: ReportPeriod & { kind: BulletinKind }): Promise<BulletinContent> {
    const asOf = this.clock.now();
    const [zones, desks, problems, grouped] = await Promise.all([
      this.rankings.table(period, 'zone'),
      this.rankings.table(period, 'desk'),
      this.problems.read(period, asOf),
      this.problemStatistics.forPeriod(period.startsAt, period.endsAt),
    ]);
    const actions = desks.items
      .map((d) => ({ ...d, type: d.id as ServiceType, typeName: SERVICE_TYPE_LABELS[d.id as ServiceType] }))
      .sort((a, b) => Object.keys(SERVICE_TYPE_LABELS).indexOf(a.type) - Object.keys(SERVICE_TYPE_LABELS).indexOf(b.type));
    return {
      period: { id: period.id, kind: period.kind, label: period.label, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString() },
      title: bulletinTitle(period),
      asOf: asOf.toISOString(),
      weights: zones.weights,
      overview: { ...desks.total, id: 'province', name: '全省' },
      actions,
      zones: zones.items,
      problems,
      problemRecords: problemRecords(grouped),
    };
  }
}
