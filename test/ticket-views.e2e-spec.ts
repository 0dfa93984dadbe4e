import { HttpResponse, TestContext } from '@enterpark/testing';

/**
 * What the console shows of a ticket and a list: the actions THE CALLER may take (role,
 * reach and status), the names a person reads, and a list's progress, from every role.
 */
describe('ticket and list responses as each caller sees them', () => {
  let ctx: TestContext;
  const tokens = {} as Record<'manager' | 'otherManager' | 'finance' | 'media' | 'coordinator' | 'viewer', string>;
  let financeClerk: { id: string; name: string };
  let listId: string;
  let financeTicket: string;
  let mediaTicket: string;

  const get = (path: string, token: string) => ctx.request('GET', `/api/v1${path}`, { token });
  const post = (path: string, token: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });

  async function waitStatus(id: string, status: string): Promise<HttpResponse> {
    return ctx.waitFor(async () => {
      const res = await get(`/tickets/${id}`, tokens.coordinator);
      return res.body.status === status ? res : null;
    }, 10_000, `ticket ${status}`);
  }

  beforeAll(async () => {
    ctx = await TestContext.create();
    const zone = await ctx.newZone({ name: '合肥经开区' });
    const other = await ctx.newZone({ name: '芜湖经开区' });
    tokens.manager = (await ctx.newUser('zone_manager', { zoneId: zone.id, name: '李华' })).token;
    tokens.otherManager = (await ctx.newUser('zone_manager', { zoneId: other.id })).token;
    const finance = await ctx.newUser('desk_staff', { desks: ['finance'], name: '王敏' });
    financeClerk = { id: finance.user.id, name: '王敏' };
    tokens.finance = finance.token;
    tokens.media = (await ctx.newUser('desk_staff', { desks: ['media'], name: '刘洋' })).token;
    tokens.viewer = (await ctx.newUser('viewer')).token;
    tokens.coordinator = await ctx.coordinatorToken();
    const provider = await post('/providers', tokens.coordinator, {
      name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, cities: ['合肥市'], email: 'loans@hsbank.example.cn',
    });
    expect(provider.status).toBe(201);
    const filed = await post('/demand-lists', tokens.manager, { title: '第四季度需求清单', items: [{ type: 'finance', title: '园区贷', desiredBy: '2027-03-31', tags: ['流动资金'], contactName: '赵磊', contactPhone: '13905510001' }, { type: 'media', title: '宣传片' }] });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ zoneName: '合肥经开区', ticketCount: 2, finishedCount: 0 });
    listId = filed.body.id;
    [financeTicket, mediaTicket] = filed.body.tickets.map((t: { id: string }) => t.id);
    await waitStatus(financeTicket, 'routed');
    await waitStatus(mediaTicket, 'routed');
  });
  afterAll(() => ctx.close());

  it.each([
    ['finance', ['accept', 'reject', 'request-info', 'return', 'assign']],
    ['manager', ['cancel']],
    ['coordinator', ['accept', 'reject', 'request-info', 'return', 'reroute', 'assign', 'cancel']],
    ['viewer', []],
  ] as const)('a routed ticket offers %s exactly %j, in the detail and in the list', async (caller, expected) => {
    expect((await get(`/tickets/${financeTicket}`, tokens[caller])).body.allowedActions).toEqual(expected);
    const listed = await get(`/tickets?demandListId=${listId}&type=finance`, tokens[caller]);
    expect(listed.body.items.map((t: { allowedActions: string[] }) => t.allowedActions)).toEqual([expected]);
  });

  it('another zone or desk does not see the ticket at all', async () => {
    expect((await get(`/tickets/${financeTicket}`, tokens.otherManager)).status).toBe(404);
    expect((await get(`/tickets/${financeTicket}`, tokens.media)).status).toBe(404);
    expect((await get(`/tickets?demandListId=${listId}`, tokens.media)).body.items.map((t: { id: string }) => t.id)).toEqual([mediaTicket]);
  });

  it('a refusal by the state machine names what the caller may do, not what any role could', async () => {
    const refused = await post(`/tickets/${financeTicket}/complete`, tokens.finance, { outcome: '已完成' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'TICKET_INVALID_TRANSITION', status: 'routed', allowedActions: ['accept', 'reject', 'request-info', 'return', 'assign'] });
  });

  it('names the zone, the desk, the assignee and then the provider as matching goes on', async () => {
    const routed = (await get(`/tickets/${financeTicket}`, tokens.finance)).body;
    expect(routed).toMatchObject({ zoneName: '合肥经开区', desk: 'finance', deskName: '金融进园区', assigneeId: financeClerk.id, assigneeName: '王敏', providerName: null });
    expect(routed.history[0]).toMatchObject({ type: 'ticket.submitted', actorName: '李华' });
    expect(routed.history.find((h: { type: string }) => h.type === 'ticket.routed')).toMatchObject({ actorId: null, actorName: null });

    const accepted = await post(`/tickets/${financeTicket}/accept`, tokens.finance);
    expect(accepted.body).toMatchObject({ status: 'triaged', assigneeName: '王敏', deskName: '金融进园区', allowedActions: ['assign', 'match'] });
    const proposed = await waitStatus(financeTicket, 'matching');
    expect(proposed.body).toMatchObject({ providerId: null, providerName: '徽商银行合肥分行' });
    const [match] = (await get(`/tickets/${financeTicket}/matches`, tokens.finance)).body.items;
    expect((await post(`/matches/${match.id}/accept`, tokens.finance)).status).toBe(200);
    const matched = (await get(`/tickets?demandListId=${listId}&type=finance`, tokens.manager)).body.items[0];
    expect(matched).toMatchObject({ status: 'matched', providerName: '徽商银行合肥分行', zoneName: '合肥经开区', assigneeName: '王敏', allowedActions: [] });
    // A page is read apart from a single ticket (one statement, rows mapped by hand): every field the same.
    const { history: _history, ...alone } = (await get(`/tickets/${financeTicket}`, tokens.manager)).body;
    expect(matched).toEqual(alone);
    expect(matched).toMatchObject({ desiredBy: '2027-03-31', tags: ['流动资金'], contactPhone: '13905510001', sla: { stage: 'service' } });
  });

  it('a list carries its zone and progress, counted over the tickets the caller sees', async () => {
    const cancelled = await post(`/tickets/${mediaTicket}/cancel`, tokens.manager, { reason: '不再需要' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowedActions: [] });
    const progress = async (token: string) => {
      const listed = (await get('/demand-lists', token)).body.items.find((l: { id: string }) => l.id === listId);
      const detail = (await get(`/demand-lists/${listId}`, token)).body;
      expect(detail).toMatchObject({ zoneName: listed.zoneName, ticketCount: listed.ticketCount, finishedCount: listed.finishedCount });
      return { zoneName: listed.zoneName, ticketCount: listed.ticketCount, finishedCount: listed.finishedCount };
    };
    expect(await progress(tokens.manager)).toEqual({ zoneName: '合肥经开区', ticketCount: 2, finishedCount: 1 });
    expect(await progress(tokens.viewer)).toEqual({ zoneName: '合肥经开区', ticketCount: 2, finishedCount: 1 });
    expect(await progress(tokens.finance)).toEqual({ zoneName: '合肥经开区', ticketCount: 1, finishedCount: 0 });
    expect(await progress(tokens.media)).toEqual({ zoneName: '合肥经开区', ticketCount: 1, finishedCount: 1 });
    expect((await get(`/demand-lists/${listId}`, tokens.otherManager)).status).toBe(404);
  });
});
