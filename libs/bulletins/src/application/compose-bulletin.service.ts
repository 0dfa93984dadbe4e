import { Injectable } from '@nestjs/common';
import { Clock, SERVICE_TYPE_LABELS, ServiceType } from '@enterpark/common';
import { parseReportPeriod, RankingsService, ReportPeriod } from '@enterpark/statistics';
import { BulletinPeriodInvalidError } from '../bulletins.errors';
import { BulletinContent, BulletinKind, bulletinTitle } from '../domain/bulletin-content';
import { BulletinProblemsRepository } from '../persistence/bulletin-problems.repository';

/** A month or quarter (a year has no bulletin), or BulletinPeriodInvalidError naming `period`. */
export function bulletinPeriod(text: unknown): ReportPeriod & { kind: BulletinKind } {
  const period = typeof text === 'string' ? parseReportPeriod(text) : null;
  if (!period || period.kind === 'year') throw new BulletinPeriodInvalidError();
  return period as ReportPeriod & { kind: BulletinKind };
}

/** Takes a bulletin's figures now: the league tables of zones and desks (the statistics module's) and the problems. */
@Injectable()
export class ComposeBulletinService {
  constructor(
    private readonly rankings: RankingsService,
    private readonly problems: BulletinProblemsRepository,
    private readonly clock: Clock,
  ) {}

  async compose(period: ReportPeriod & { kind: BulletinKind }): Promise<BulletinContent> {
    const asOf = this.clock.now();
    const [zones, desks, problems] = await Promise.all([this.rankings.table(period, 'zone'), this.rankings.table(period, 'desk'), this.problems.read(period, asOf)]);
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
      problemRecords: [],
    };
  }
}
