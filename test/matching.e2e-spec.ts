import { ServiceType } from '@enterpark/common';
import { ExpireProposalsService, ProposeMatchService, ProviderLinkSigner } from '@enterpark/matching';
import { settleQueues, TestClock, TestContext } from '@enterpark/testing';

/** Monday 2026-11-16 10:00 in Shanghai: two working days later ends Wednesday 24:00 (16:00Z). */
const START = new Date('2026-11-16T02:00:00Z');
const TWO_WORKING_DAYS_LATER = '2026-11-18T16:00:00.000Z';

interface MatchRow {
  id: string;
  provider_id: string;
  status: string;
  origin: string;
  reasons: Record<string, number>;
  proposed_at: Date;
  expires_at: Date | null;
  answered_via: string | null;
  decline_reason: string | null;
}

/**
 * One-to-one matching over HTTP with the real worker: the ranked proposal, declines and
 * expiries moving to the next candidate, exhaustion and the coordinator's hand match,
 * the provider's signed link, tenancy, and capacity freed or refused.
 */
describe('one-to-one matching', () => {
  const clock = new TestClock(START);
  let ctx: TestContext;
  let coordinator: string;
  let staff: string;
  let manager: string;
  let zoneId: string;
  let city: string;

  beforeAll(async () => {
    // The tests sweep by hand after moving the clock; the worker's periodic sweep would race them (SKIP LOCKED).
    ctx = await TestContext.create({ clock, env: { TIMER_SWEEP_MS: '3600000' } });
    city = '合肥市';
    zoneId = (await ctx.newZone({ name: '合肥经开区', city })).id;
    manager = (await ctx.newUser('zone_manager', { zoneId })).token;
    staff = (await ctx.newUser('desk_staff', { desks: ['media', 'finance', 'training', 'foreign_investment', 'party_building', 'precision_service'] })).token;
    coordinator = await ctx.coordinatorToken();
  });
  afterAll(() => ctx.close());

  const get = (path: string, token: string = coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  const post = (path: string, token?: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });

  let providers = 0;
  async function newProvider(type: ServiceType, name: string, extra: { cities?: string[]; province?: string; tags?: string[]; capacity?: number } = {}) {
    const res = await post('/providers', coordinator, {
      name, kind: 'expert', serviceTypes: [type], capacity: extra.capacity ?? 5, cities: extra.cities ?? [], tags: extra.tags ?? [],
      ...(extra.province ? { province: extra.province } : {}), email: `provider-${++providers}@provider.example.cn`,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** Filed by the zone, routed by the worker, accepted by the desk: matching starts. */
  async function triagedTicket(type: ServiceType, tags: string[] = [], token = manager): Promise<string> {
    const filed = await post('/demand-lists', token, { title: '2026 年第四季度需求清单', items: [{ type, title: `需求：${type}`, tags }] });
    expect(filed.status).toBe(201);
    const id = filed.body.tickets[0].id as string;
    await ctx.waitFor(async () => (await ctx.sql(`SELECT 1 FROM ticket WHERE id = $1 AND status = 'routed'`, [id]))[0], 10_000, 'routed');
    expect((await post(`/tickets/${id}/accept`, staff)).status).toBe(200);
    return id;
  }

  const matchesOf = (ticketId: string) => ctx.sql<MatchRow>(`SELECT * FROM ticket_match WHERE ticket_id = $1 ORDER BY proposed_at, id`, [ticketId]);

  /** Waits for the ticket's open proposal (other than `after`). */
  async function proposal(ticketId: string, after?: string): Promise<MatchRow> {
    return ctx.waitFor(async () => (await matchesOf(ticketId)).find((m) => m.status === 'proposed' && m.id !== after), 10_000, 'a proposal');
  }

  async function escalated(ticketId: string) {
    return ctx.waitFor(async () => (await ctx.sql(`SELECT * FROM ticket WHERE id = $1 AND matching_escalated_at IS NOT NULL`, [ticketId]))[0], 10_000, 'escalation');
  }

  const activeMatches = async (providerId: string) =>
    (await ctx.sql(`SELECT active_matches FROM service_provider WHERE id = $1`, [providerId]))[0].active_matches as number;

  it('proposes the best provider, with its reasons and a two-working-day window', async () => {
    const inCity = await newProvider('media', '安徽日报合肥记者站', { cities: [city], tags: ['宣传片'] });
    await newProvider('media', '安徽广播电视台', { tags: ['宣传片', '短视频'] });
    await newProvider('media', '临沂电视台', { province: '山东省', cities: ['临沂市'], tags: ['宣传片', '短视频'] });
    const id = await triagedTicket('media', ['宣传片', '短视频']);

    const proposed = await proposal(id);
    expect(proposed).toMatchObject({ provider_id: inCity, origin: 'ranked', reasons: { regionFit: 2, tagOverlap: 1, rating: 3, load: 0 } });
    expect(proposed.expires_at!.toISOString()).toBe(TWO_WORKING_DAYS_LATER);
    expect(await activeMatches(inCity)).toBe(1);

    const ticket = await get(`/tickets/${id}`, staff);
    expect(ticket.body.status).toBe('matching');
    expect(ticket.body.history.map((h: { type: string }) => h.type)).toContain('ticket.match_proposed');
    const listed = await get(`/tickets/${id}/matches`, manager);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: proposed.id, providerId: inCity, providerName: '安徽日报合肥记者站', status: 'proposed', expiresAt: TWO_WORKING_DAYS_LATER }),
    ]);

    // A redelivered ticket.accepted finds the ticket already matching: nothing changes.
    expect(await ctx.worker!.get(ProposeMatchService).propose(id)).toBe('unchanged');
    expect(await matchesOf(id)).toHaveLength(1);
  });

  it('moves to the next candidate on a decline, never asks a decliner again, escalates once when nobody is left, and lets a coordinator match by hand', async () => {
    const first = await newProvider('finance', '徽商银行合肥分行', { cities: [city], tags: ['园区贷'] });
    const second = await newProvider('finance', '安徽省融资担保集团', { tags: ['园区贷'] });
    const id = await triagedTicket('finance', ['园区贷']);

    const p1 = await proposal(id);
    expect(p1.provider_id).toBe(first);
    clock.advance(60_000);
    const blank = await post(`/matches/${p1.id}/decline`, staff, { reason: '   ' });
    expect(blank.status).toBe(400);
    const declined = await post(`/matches/${p1.id}/decline`, staff, { reason: '本季度授信额度已满' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '本季度授信额度已满', answeredVia: 'staff' });
    expect(await activeMatches(first)).toBe(0);

    const p2 = await proposal(id, p1.id);
    expect(p2.provider_id).toBe(second);
    clock.advance(60_000);
    expect((await post(`/matches/${p2.id}/decline`, staff, { reason: '不在服务区域' })).status).toBe(200);

    await escalated(id);
    expect((await get(`/tickets/${id}`)).body.status).toBe('triaged');
    const exhausted = await ctx.sql(`SELECT payload FROM event WHERE aggregate_id = $1 AND name = 'ticket.matching_exhausted'`, [id]);
    expect(exhausted.map((e) => e.payload)).toEqual([expect.objectContaining({ declined: 2, expired: 0, desk: 'finance' })]);
    // Asked again (a redelivery): still nobody, and no second escalation.
    expect(await ctx.worker!.get(ProposeMatchService).propose(id)).toBe('unchanged');

    clock.advance(60_000);
    const manual = await post(`/tickets/${id}/match`, coordinator, { providerId: first });
    expect(manual.status).toBe(200);
    expect(manual.body.status).toBe('matched');
    expect(await activeMatches(first)).toBe(1);
    const items = (await get(`/tickets/${id}/matches`, staff)).body.items;
    expect(items.map((m: { providerId: string; status: string; origin: string }) => [m.providerId, m.status, m.origin])).toEqual([
      [first, 'declined', 'ranked'],
      [second, 'declined', 'ranked'],
      [first, 'accepted', 'manual'],
    ]);
    const again = await post(`/tickets/${id}/match`, coordinator, { providerId: second });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'TICKET_INVALID_TRANSITION', status: 'matched' });
  });

  it('refuses a hand match with an unknown, inactive or unsuitable provider (400) or one at capacity (409)', async () => {
    const full = await newProvider('finance', '满负荷银行', { capacity: 1 });
    await ctx.sql(`UPDATE service_provider SET active = false WHERE $1 = ANY (service_types) AND id <> $2`, ['finance', full]);
    const holder = await triagedTicket('finance');
    expect((await proposal(holder)).provider_id).toBe(full);
    const other = await newProvider('media', '只做媒体的机构');
    const id = await triagedTicket('finance');
    await escalated(id);
    const inactive = await newProvider('finance', '已停用的银行');
    expect((await ctx.request('PATCH', `/api/v1/providers/${inactive}`, { token: coordinator, body: { active: false } })).status).toBe(200);
    const before = await ctx.rowCounts();
    for (const [providerId, status, rule] of [
      ['00000000-0000-4000-8000-000000000000', 400, 'exists'],
      [inactive, 400, 'active'],
      [other, 400, 'servesType'],
      [full, 409, undefined],
    ] as const) {
      const res = await post(`/tickets/${id}/match`, coordinator, { providerId });
      expect(res.status).toBe(status);
      if (rule) expect(res.body.details).toEqual([expect.objectContaining({ field: 'providerId', rule })]);
      else expect(res.body.code).toBe('PROVIDER_AT_CAPACITY');
    }
    expect(await ctx.rowCounts()).toEqual(before);
  });

  it('expires an unanswered proposal after two working days and proposes the next candidate', async () => {
    const first = await newProvider('training', '中国科学技术大学继续教育学院', { cities: [city] });
    const second = await newProvider('training', '安徽省委党校');
    const id = await triagedTicket('training');
    const p1 = await proposal(id);
    expect(p1.provider_id).toBe(first);

    const sweep = ctx.worker!.get(ExpireProposalsService);
    clock.set('2026-11-18T15:59:00Z');
    expect(await sweep.expireDue()).toBe(0);
    clock.set('2026-11-18T16:00:01Z');
    // Past the window the answer is refused even before the sweep has run.
    const late = await post(`/matches/${p1.id}/accept`, staff);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('MATCH_PROPOSAL_EXPIRED');
    // Earlier tests' open proposals share the window and expire too.
    expect(await sweep.expireDue()).toBeGreaterThanOrEqual(1);
    expect(await sweep.expireDue()).toBe(0);

    const p2 = await proposal(id, p1.id);
    expect(p2.provider_id).toBe(second);
    expect((await matchesOf(id)).find((m) => m.id === p1.id)!.status).toBe('expired');
    expect(await activeMatches(first)).toBe(0);
    // Thursday 00:00:01 Shanghai + 2 working days (Friday, then Monday after the weekend) = Monday 24:00.
    expect(p2.expires_at!.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    const events = await ctx.sql(`SELECT name FROM event WHERE aggregate_id = $1 AND name LIKE 'ticket.match%' ORDER BY seq`, [id]);
    expect(events.map((e) => e.name)).toEqual(['ticket.match_proposed', 'ticket.match_expired', 'ticket.match_proposed']);
  });

  describe('the provider\'s signed link', () => {
    let links: ProviderLinkSigner;
    beforeAll(async () => {
      links = ctx.api.get(ProviderLinkSigner);
      await newProvider('precision_service', '省开发区专家库', { cities: [city], capacity: 10 });
    });

    const linkOf = (m: MatchRow) => links.linkFor({ id: m.id, proposedAt: m.proposed_at, expiresAt: m.expires_at });

    it('accepts without a bearer token, once; a used, tampered, foreign or expired link is refused', async () => {
      const id = await triagedTicket('precision_service');
      const other = await triagedTicket('precision_service');
      const p = await proposal(id);
      const q = await proposal(other);
      const token = linkOf(p);
      await settleQueues(ctx); // the proposal emails are stored a moment after the proposals
      const before = await ctx.rowCounts();

      const refusals: [string, number, string][] = [
        [`/matches/${p.id}/accept`, 401, 'UNAUTHORIZED'],
        [`/matches/${p.id}/accept?token=${token.slice(0, -2)}xx`, 403, 'MATCH_LINK_INVALID'],
        [`/matches/${p.id}/accept?token=${linkOf(q)}`, 403, 'MATCH_LINK_INVALID'],
        [`/matches/${p.id}/accept?token=${links.linkFor({ id: p.id, proposedAt: p.proposed_at, expiresAt: new Date(clock.now().getTime() - 1000) })}`, 409, 'MATCH_PROPOSAL_EXPIRED'],
      ];
      for (const [path, status, code] of refusals) {
        const res = await post(path);
        expect([path, res.status, res.body.code]).toEqual([path, status, code]);
      }
      expect(await ctx.rowCounts()).toEqual(before);

      const accepted = await post(`/matches/${p.id}/accept?token=${token}`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', answeredVia: 'link', answeredBy: null });
      expect((await get(`/tickets/${id}`)).body.status).toBe('matched');
      const matched = await ctx.sql(`SELECT payload FROM event WHERE aggregate_id = $1 AND name = 'ticket.matched'`, [id]);
      expect(matched.map((e) => e.payload.via)).toEqual(['link']);

      const reused = await post(`/matches/${p.id}/accept?token=${token}`);
      expect(reused.status).toBe(409);
      expect(reused.body).toMatchObject({ code: 'MATCH_ALREADY_ANSWERED', status: 'accepted' });
      expect((await post(`/matches/${p.id}/decline?token=${token}`, undefined, { reason: '改变主意' })).body.code).toBe('MATCH_ALREADY_ANSWERED');
    });

    it('declines with a reason through the link', async () => {
      const id = await triagedTicket('precision_service');
      const p = await proposal(id);
      const res = await post(`/matches/${p.id}/decline?token=${linkOf(p)}`, undefined, { reason: '专家档期冲突' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'declined', answeredVia: 'link', declineReason: '专家档期冲突' });
      await ctx.waitFor(async () => (await get(`/tickets/${id}`)).body.status !== 'matching' || null, 10_000, 'back to triage');
    });
  });

  it('keeps other zones, other desks and read-only roles out: 404 outside the scope, 403 for roles that cannot answer, nothing written', async () => {
    await newProvider('party_building', '园区非公党建指导员队伍', { cities: [city] });
    const id = await triagedTicket('party_building');
    const p = await proposal(id);
    const otherZone = (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id;
    const outsider = (await ctx.newUser('zone_manager', { zoneId: otherZone })).token;
    const otherDesk = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
    const viewer = (await ctx.newUser('viewer')).token;
    const before = await ctx.rowCounts();

    for (const token of [outsider, otherDesk]) {
      expect((await get(`/tickets/${id}/matches`, token)).status).toBe(404);
      expect((await post(`/matches/${p.id}/accept`, token)).status).toBe(404);
      expect((await post(`/matches/${p.id}/decline`, token, { reason: '越权' })).status).toBe(404);
      expect((await post(`/tickets/${id}/match`, token, { providerId: p.provider_id })).status).toBe(404);
    }
    for (const token of [manager, viewer]) {
      expect((await get(`/tickets/${id}/matches`, token)).status).toBe(200);
      expect((await post(`/matches/${p.id}/accept`, token)).status).toBe(403);
      expect((await post(`/matches/${p.id}/decline`, token, { reason: '越权' })).status).toBe(403);
      expect((await post(`/tickets/${id}/match`, token, { providerId: p.provider_id })).status).toBe(403);
    }
    expect((await post(`/matches/00000000-0000-4000-8000-000000000000/accept`, staff)).status).toBe(404);
    expect((await post(`/matches/not-an-id/accept`, staff)).status).toBe(404);
    expect((await post(`/matches/${p.id}/accept`, 'not-a-jwt')).status).toBe(401);
    expect(await ctx.rowCounts()).toEqual(before);
  });

  it('frees the provider when a ticket is cancelled, refuses a capacity below the open matches, and ends the match with the zone\'s rating', async () => {
    const only = await newProvider('foreign_investment', '中德(安徽)产业合作促进中心', { cities: [city], capacity: 2 });
    const [a, b] = [await triagedTicket('foreign_investment'), await triagedTicket('foreign_investment')];
    const pa = await proposal(a);
    await proposal(b);
    expect(await activeMatches(only)).toBe(2);

    const lowered = await ctx.request('PATCH', `/api/v1/providers/${only}`, { token: coordinator, body: { capacity: 1 } });
    expect(lowered.status).toBe(409);
    expect(lowered.body).toMatchObject({ code: 'PROVIDER_CAPACITY_BELOW_LOAD', activeMatches: 2 });
    expect((await get(`/providers?serviceType=foreign_investment`)).body.items).toEqual([expect.objectContaining({ id: only, capacity: 2, activeMatches: 2 })]);

    expect((await post(`/tickets/${a}/cancel`, manager, { reason: '园区已自行对接' })).status).toBe(200);
    await ctx.waitFor(async () => (await activeMatches(only)) === 1, 10_000, 'the provider freed');
    expect((await matchesOf(a)).map((m) => m.status)).toEqual(['withdrawn']);
    expect(pa.provider_id).toBe(only);
    expect((await ctx.request('PATCH', `/api/v1/providers/${only}`, { token: coordinator, body: { capacity: 1 } })).status).toBe(200);

    // The remaining match runs to the zone's confirmation: it ends and the rating counts once.
    const pb = await proposal(b);
    expect((await post(`/matches/${pb.id}/accept`, staff)).status).toBe(200);
    expect((await post(`/tickets/${b}/activities`, staff, { date: '2026-11-20', kind: 'meeting', notes: '中德合作圆桌会对接' })).status).toBe(200);
    expect((await post(`/tickets/${b}/complete`, staff, { outcome: '促成两家德企来园考察' })).status).toBe(200);
    expect((await post(`/tickets/${b}/confirm`, manager, { rating: 4, solved: true })).status).toBe(200);
    await ctx.waitFor(async () => (await matchesOf(b))[0].status === 'ended', 10_000, 'the match ended');
    const provider = (await get(`/providers?serviceType=foreign_investment`)).body.items[0];
    expect(provider).toMatchObject({ activeMatches: 0, ratingAverage: 4, ratingCount: 1 });
  });

  // Last: it moves the clock into a year the official calendar does not know yet.
  it('leaves the window open (null) in a year without calendar data and schedules it once the year is published', async () => {
    clock.set('2027-01-04T02:00:00Z');
    await newProvider('training', '安徽大学培训中心', { cities: [city] });
    const id = await triagedTicket('training');
    const p = await proposal(id);
    expect(p.expires_at).toBeNull();
    const sweep = ctx.worker!.get(ExpireProposalsService);
    await sweep.expireDue();
    expect((await matchesOf(id)).find((m) => m.id === p.id)!.expires_at).toBeNull();

    const published = await ctx.request('PUT', '/api/v1/calendar/2027', { token: coordinator, body: { days: [] } });
    expect(published.status).toBe(200);
    await sweep.expireDue();
    // Monday 10:00 + 2 working days (weekdays: the year has no published holidays) = Wednesday 24:00.
    expect((await matchesOf(id)).find((m) => m.id === p.id)!.expires_at!.toISOString()).toBe('2027-01-06T16:00:00.000Z');
  });
});
