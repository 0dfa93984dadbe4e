import type { Ticket } from '../../apps/console/src/api/types';
import { dashboardOf } from '../../apps/console/src/features/dashboard/dashboard-data';

let seq = 0;
/** A ticket as GET /tickets answers it, with what the dashboard reads set by the case. */
function ticket(over: Omit<Partial<Ticket>, 'sla'> & { sla?: Partial<Ticket['sla']> } = {}): Ticket {
  const { sla, ...rest } = over;
  return {
    id: `t${++seq}`,
    demandListId: 'l1',
    zoneId: 'z1',
    zoneName: '合肥经开区',
    deskName: '金融进园区',
    assigneeName: null,
    providerName: null,
    seq,
    type: 'finance',
    title: `工单 ${seq}`,
    description: null,
    desiredBy: null,
    tags: [],
    contactName: null,
    contactPhone: null,
    status: 'routed',
    desk: 'finance',
    assigneeId: null,
    version: 1,
    createdAt: '2026-11-23T02:00:00.000Z',
    routedAt: null,
    acceptedAt: null,
    matchedAt: null,
    firstActivityAt: null,
    completedAt: null,
    closedAt: null,
    providerId: null,
    outcome: null,
    rating: null,
    round: 1,
    activityCount: 0,
    matchingEscalatedAt: null,
    priority: null,
    dueAt: null,
    updatedAt: '2026-11-23T02:00:00.000Z',
    allowedActions: [],
    sla: { stage: null, dueAt: null, breachedAt: null, escalatedAt: null, breaches: 0, ...sla },
    ...rest,
  };
}

const ZONES = new Map([
  ['z1', '合肥经开区'],
  ['z2', '芜湖经开区'],
]);

/** The province dashboard as the console computes it from the tickets it may see. */
describe('the console dashboard figures', () => {
  it('counts tickets by type and status, open, awaiting confirmation, closed and overdue as GET /tickets?overdue does', () => {
    const d = dashboardOf(
      [
        ticket({ type: 'finance', status: 'routed', desiredBy: '2026-11-20' }),
        ticket({ type: 'finance', status: 'routed' }),
        ticket({ type: 'media', status: 'completed', desiredBy: '2026-11-01' }),
        ticket({ type: 'media', status: 'closed' }),
        ticket({ type: 'training', status: 'rejected', desiredBy: '2026-11-01' }),
      ],
      ZONES,
      '2026-11-23',
    );
    expect(d).toMatchObject({ total: 5, open: 3, awaitingConfirmation: 1, closed: 1, overdue: 1 });
    expect(d.byTypeStatus).toEqual(
      expect.arrayContaining([
        { type: 'finance', status: 'routed', count: 2 },
        { type: 'media', status: 'completed', count: 1 },
        { type: 'media', status: 'closed', count: 1 },
        { type: 'training', status: 'rejected', count: 1 },
      ]),
    );
    expect(d.byTypeStatus).toHaveLength(4);
  });

  it('counts filed and completed per ISO week in Shanghai time, the last 12 weeks up to today\'s', () => {
    const d = dashboardOf(
      [
        ticket({ createdAt: '2026-11-22T15:59:00.000Z' }), // Sunday 23:59 in Shanghai: W47
        ticket({ createdAt: '2026-11-22T16:00:00.000Z', completedAt: '2026-11-23T03:00:00.000Z', status: 'completed' }), // Monday 00:00: W48
        ticket({ createdAt: '2026-08-01T02:00:00.000Z' }), // W31: before the 12 weeks
      ],
      ZONES,
      '2026-11-25',
    );
    expect(d.trend).toHaveLength(12);
    expect(d.trend[0].week).toBe('2026-W37');
    expect(d.trend.slice(-2)).toEqual([
      { week: '2026-W47', filed: 1, completed: 0 },
      { week: '2026-W48', filed: 1, completed: 1 },
    ]);
    expect(d.trend.reduce((n, w) => n + w.filed, 0)).toBe(2);
  });

  it('splits open tickets of each SLA stage into on time and late; done tickets count as on time only if never late', () => {
    const d = dashboardOf(
      [
        ticket({ sla: { stage: 'triage' } }),
        ticket({ sla: { stage: 'triage', breachedAt: '2026-11-20T16:00:00.000Z', breaches: 1 } }),
        ticket({ status: 'in_service', sla: { stage: 'service' } }),
        ticket({ status: 'closed', sla: { breaches: 0 } }),
        ticket({ status: 'completed', sla: { breaches: 2 } }),
      ],
      ZONES,
      '2026-11-23',
    );
    expect(d.sla).toEqual([
      { stage: 'triage', onTime: 1, late: 1 },
      { stage: 'matching', onTime: 0, late: 0 },
      { stage: 'service', onTime: 1, late: 0 },
    ]);
    expect(d.doneWithoutBreach).toBe(0.5);
    expect(dashboardOf([ticket()], ZONES, '2026-11-23').doneWithoutBreach).toBeNull();
  });

  it('ranks zones by completion rate (rejected and cancelled not counted), then rating, then tickets filed', () => {
    const d = dashboardOf(
      [
        ticket({ zoneId: 'z1', status: 'closed', rating: 4 }),
        ticket({ zoneId: 'z1', status: 'routed' }),
        ticket({ zoneId: 'z2', status: 'closed', rating: 5 }),
        ticket({ zoneId: 'z2', status: 'completed' }),
        ticket({ zoneId: 'z2', status: 'cancelled' }),
        ticket({ zoneId: 'z3', status: 'routed', desiredBy: '2026-11-01' }),
      ],
      ZONES,
      '2026-11-23',
    );
    expect(d.league).toEqual([
      { rank: 1, zoneId: 'z2', zoneName: '芜湖经开区', filed: 3, open: 1, awaitingConfirmation: 1, closed: 1, completionRate: 1, averageRating: 5, overdue: 0 },
      { rank: 2, zoneId: 'z1', zoneName: '合肥经开区', filed: 2, open: 1, awaitingConfirmation: 0, closed: 1, completionRate: 0.5, averageRating: 4, overdue: 0 },
      { rank: 3, zoneId: 'z3', zoneName: '未知园区', filed: 1, open: 1, awaitingConfirmation: 0, closed: 0, completionRate: 0, averageRating: null, overdue: 1 },
    ]);
  });
});
