import { ChineseWorkingCalendar, officialCalendar } from '@enterpark/calendar';
import { Ticket } from '@enterpark/tickets';
import { asClosed, asCompleted, buildTicketSummary, TicketSummaryContext } from './ticket-summary';

/** An instant written in Shanghai time. */
const sh = (local: string) => new Date(`${local}+08:00`);

function ticket(fields: Partial<Ticket> = {}): Ticket {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    demandListId: '00000000-0000-4000-8000-0000000000aa',
    zoneId: '00000000-0000-4000-8000-0000000000bb',
    seq: 1,
    type: 'finance',
    title: '对接园区贷融资渠道',
    description: null,
    desiredBy: null,
    tags: [],
    status: 'closed',
    desk: 'finance',
    assigneeId: '00000000-0000-4000-8000-0000000000cc',
    version: 9,
    createdAt: sh('2026-11-02T09:00:00'),
    routedAt: sh('2026-11-02T09:30:00'),
    updatedAt: sh('2026-11-09T11:30:00'),
    priority: 'normal',
    dueAt: null,
    acceptedAt: sh('2026-11-02T11:30:00'),
    matchedAt: sh('2026-11-03T11:30:00'),
    firstActivityAt: sh('2026-11-04T10:00:00'),
    completedAt: sh('2026-11-06T11:30:00'),
    closedAt: sh('2026-11-09T11:30:00'),
    providerId: '00000000-0000-4000-8000-0000000000dd',
    outcome: '已对接徽商银行园区贷',
    rating: 5,
    round: 1,
    activityCount: 2,
    matchingEscalatedAt: null,
    slaStage: null,
    slaStartedAt: null,
    slaDueAt: null,
    slaBreachedAt: null,
    slaEscalateAt: null,
    slaEscalatedAt: null,
    slaBreaches: 0,
    ...fields,
  };
}

const ctx: TicketSummaryContext = {
  zone: { id: '00000000-0000-4000-8000-0000000000bb', name: '合肥经开区' },
  assignee: { id: '00000000-0000-4000-8000-0000000000cc', name: '王金融' },
  provider: { id: '00000000-0000-4000-8000-0000000000dd', name: '徽商银行' },
  calendar: new ChineseWorkingCalendar(officialCalendar()),
};

describe('buildTicketSummary', () => {
  it('times every stage of a closed ticket in working days and hours', () => {
    const s = buildTicketSummary(ticket(), ctx);
    expect(s.durations).toEqual({
      toRoute: { workingDays: 0.02, hours: 0.5 },
      toAccept: { workingDays: 0.08, hours: 2 },
      toMatch: { workingDays: 1, hours: 24 },
      toComplete: { workingDays: 3, hours: 72 },
      // Friday 11:30 → Monday 11:30: the weekend is not working time.
      toClose: { workingDays: 1, hours: 72 },
      total: { workingDays: 5.1, hours: 170.5 },
    });
    expect(s).toMatchObject({
      ticketId: '00000000-0000-4000-8000-000000000001',
      zone: { name: '合肥经开区' },
      assignee: { name: '王金融' },
      provider: { name: '徽商银行' },
      round: 1,
      outcome: '已对接徽商银行园区贷',
      activities: 2,
      rating: 5,
      solved: true,
      slaBreached: false,
      timeline: { filedAt: '2026-11-02T01:00:00.000Z', closedAt: '2026-11-09T03:30:00.000Z' },
    });
  });

  it.each<[string, Partial<Ticket>, Record<string, unknown>]>([
    [
      'completed, not yet confirmed: no closing stage, the total runs to completion',
      { status: 'completed', closedAt: null, rating: null },
      { toClose: null, total: { workingDays: 4.1, hours: 98.5 } },
    ],
    [
      'rejected at triage: routing happened, and the total runs to the rejection',
      { status: 'rejected', acceptedAt: null, matchedAt: null, firstActivityAt: null, completedAt: null, closedAt: sh('2026-11-02T10:00:00'), providerId: null, outcome: null, rating: null },
      { toRoute: { workingDays: 0.02, hours: 0.5 }, toAccept: null, toMatch: null, toComplete: null, toClose: null, total: { workingDays: 0.04, hours: 1 } },
    ],
    [
      'cancelled before routing: no stage happened',
      { status: 'cancelled', routedAt: null, acceptedAt: null, matchedAt: null, firstActivityAt: null, completedAt: null, closedAt: sh('2026-11-02T09:06:00') },
      { toRoute: null, toAccept: null, toMatch: null, toComplete: null, toClose: null, total: { workingDays: 0, hours: 0.1 } },
    ],
    [
      'nothing ended yet: no total',
      { status: 'in_service', completedAt: null, closedAt: null },
      { toComplete: null, toClose: null, total: null },
    ],
    [
      'service across the National Day holiday: the holiday is not working time',
      { status: 'completed', matchedAt: sh('2026-09-30T10:00:00'), completedAt: sh('2026-10-09T10:00:00'), closedAt: null },
      { toComplete: { workingDays: 2, hours: 216 } },
    ],
    [
      'a stage ending in a year the calendar does not know: hours only',
      { status: 'completed', completedAt: sh('2027-01-05T10:00:00'), closedAt: null },
      { toComplete: { workingDays: null, hours: 1510.5 }, toMatch: { workingDays: 1, hours: 24 } },
    ],
    [
      'a clock that ran backwards: zero, not negative',
      { routedAt: sh('2026-11-02T08:00:00') },
      { toRoute: { workingDays: 0, hours: 0 } },
    ],
  ])('%s', (_, fields, durations) => {
    expect(buildTicketSummary(ticket(fields), ctx).durations).toMatchObject(durations);
  });

  it.each<[string, Partial<Ticket>, Partial<TicketSummaryContext>, Record<string, unknown>]>([
    ['no assignee and no provider', { assigneeId: null, providerId: null }, { assignee: null, provider: null }, { assignee: null, provider: null }],
    ['breached SLA twice', { slaBreaches: 2 }, {}, { slaBreached: true, slaBreaches: 2 }],
    ['not closed: solved unknown', { status: 'completed', closedAt: null, rating: null }, {}, { solved: null, rating: null }],
  ])('%s', (_, fields, context, expected) => {
    expect(buildTicketSummary(ticket(fields), { ...ctx, ...context })).toMatchObject(expected);
  });
});

describe('asCompleted / asClosed', () => {
  it('summarizes a completed round as it was, even after the zone reopened the ticket', () => {
    const reopened = ticket({ status: 'in_service', round: 2, completedAt: null, closedAt: null, rating: 2, outcome: '第一轮结果' });
    const s = buildTicketSummary(asCompleted(reopened, { round: 1, outcome: '第一轮结果', at: sh('2026-11-06T11:30:00') }), ctx);
    expect(s).toMatchObject({ round: 1, rating: null, solved: null, outcome: '第一轮结果', timeline: { completedAt: '2026-11-06T03:30:00.000Z', closedAt: null } });
    expect(s.durations.toComplete).toEqual({ workingDays: 3, hours: 72 });
  });

  it('summarizes a solved confirmation with its rating', () => {
    const s = buildTicketSummary(asClosed(ticket({ rating: null }), { round: 1, rating: 4, at: sh('2026-11-10T09:00:00') }), ctx);
    expect(s).toMatchObject({ round: 1, rating: 4, solved: true, timeline: { closedAt: '2026-11-09T03:30:00.000Z' } });
  });

  it('takes the confirmation time when the row has no closing time', () => {
    const s = buildTicketSummary(asClosed(ticket({ status: 'completed', closedAt: null }), { round: 1, rating: 3, at: sh('2026-11-10T09:00:00') }), ctx);
    expect(s.timeline.closedAt).toBe('2026-11-10T01:00:00.000Z');
  });
});
