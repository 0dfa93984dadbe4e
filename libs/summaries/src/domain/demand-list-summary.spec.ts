import { StageDuration, TicketSummary } from '@enterpark/events';
import { Ticket, TicketStatus } from '@enterpark/tickets';
import { buildDemandListSummary, CompletedList, isEveryTicketFinal } from './demand-list-summary';

const list: CompletedList = {
  id: '00000000-0000-4000-8000-0000000000aa',
  zone: { id: '00000000-0000-4000-8000-0000000000bb', name: '芜湖经开区' },
  title: '2026年第四季度需求清单',
  filedAt: new Date('2026-11-02T01:00:00Z'),
  completedAt: new Date('2026-11-20T08:00:00Z'),
};

let n = 0;
function t(status: TicketStatus, fields: Partial<Ticket> = {}): Ticket {
  n++;
  return { id: `t${n}`, type: 'finance', status, rating: null, slaBreaches: 0, ...fields } as Ticket;
}

const days = (workingDays: number | null): StageDuration => ({ workingDays, hours: 0 });

function summaryOf(ticket: Ticket, toMatch: number | null, toComplete: number | null): [string, TicketSummary] {
  return [ticket.id, { ticketId: ticket.id, durations: { toMatch: toMatch === null ? null : days(toMatch), toComplete: toComplete === null ? null : days(toComplete) } } as TicketSummary];
}

describe('buildDemandListSummary', () => {
  it('counts by type and outcome, takes median and worst stage times, averages ratings, counts SLA breaches', () => {
    const a = t('closed', { type: 'finance', rating: 4, slaBreaches: 1 });
    const b = t('closed', { type: 'finance', rating: 5 });
    const c = t('closed', { type: 'media', rating: 2, slaBreaches: 3 });
    const d = t('rejected', { type: 'training' });
    const e = t('cancelled', { type: 'media' });
    const summaries = new Map([summaryOf(a, 1, 10), summaryOf(b, 3, 4.5), summaryOf(c, 0.5, 20), summaryOf(d, null, null), summaryOf(e, null, null)]);
    expect(buildDemandListSummary(list, [a, b, c, d, e], summaries)).toEqual({
      demandListId: list.id,
      zone: list.zone,
      title: list.title,
      filedAt: '2026-11-02T01:00:00.000Z',
      completedAt: '2026-11-20T08:00:00.000Z',
      tickets: 5,
      byType: { finance: 2, media: 2, training: 1 },
      byOutcome: { closed: 3, rejected: 1, cancelled: 1 },
      workingDaysToMatch: { median: 1, worst: 3 },
      workingDaysToComplete: { median: 10, worst: 20 },
      averageRating: 3.67,
      ratedTickets: 3,
      slaBreachedTickets: 2,
    });
  });

  it.each<[string, Ticket[], (tickets: Ticket[]) => [string, TicketSummary][], Record<string, unknown>]>([
    [
      'nothing closed: no times, no rating',
      [t('rejected'), t('cancelled')],
      () => [],
      { workingDaysToMatch: { median: null, worst: null }, workingDaysToComplete: { median: null, worst: null }, averageRating: null, ratedTickets: 0 },
    ],
    [
      'an even count: the median is the mean of the middle two',
      [t('closed'), t('closed'), t('closed'), t('closed')],
      (ts) => [summaryOf(ts[0], 1, 1), summaryOf(ts[1], 2, 2), summaryOf(ts[2], 4, 4), summaryOf(ts[3], 9, 9)],
      { workingDaysToMatch: { median: 3, worst: 9 } },
    ],
    [
      'a stage without working days (unknown calendar year) does not count',
      [t('closed'), t('closed')],
      (ts) => [summaryOf(ts[0], 2, null), summaryOf(ts[1], null, 5)],
      { workingDaysToMatch: { median: 2, worst: 2 }, workingDaysToComplete: { median: 5, worst: 5 } },
    ],
    [
      'a ticket without a summary counts in the totals but not in the times',
      [t('closed', { rating: 3 }), t('closed', { rating: 4 })],
      (ts) => [summaryOf(ts[0], 1.25, 2)],
      { tickets: 2, byOutcome: { closed: 2, rejected: 0, cancelled: 0 }, workingDaysToMatch: { median: 1.25, worst: 1.25 }, averageRating: 3.5 },
    ],
  ])('%s', (_, tickets, summaries, expected) => {
    expect(buildDemandListSummary(list, tickets, new Map(summaries(tickets)))).toMatchObject(expected);
  });
});

describe('isEveryTicketFinal', () => {
  it.each<[string, TicketStatus[], boolean]>([
    ['closed, rejected and cancelled', ['closed', 'rejected', 'cancelled'], true],
    ['one still completed (waiting for the zone)', ['closed', 'completed'], false],
    ['one still in service', ['in_service', 'closed'], false],
    ['no tickets', [], false],
  ])('%s → %s', (_, statuses, expected) => {
    expect(isEveryTicketFinal(statuses.map((s) => t(s)))).toBe(expected);
  });
});
