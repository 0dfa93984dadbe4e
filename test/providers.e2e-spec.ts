import { TestContext } from '@enterpark/testing';

describe('coordinators keep the provider pool', () => {
  let ctx: TestContext;
  let token: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    token = await ctx.coordinatorToken();
  });
  afterAll(() => ctx.close());

  const create = (body: object) => ctx.request('POST', '/api/v1/providers', { token, body });

  it('creates a provider cleaned up (trimmed, lower-case email, no duplicates) and finds it by service type', async () => {
    const res = await create({
      name: ' 徽商银行 ', kind: 'bank', serviceTypes: ['finance', 'finance'], capacity: 5, cities: ['合肥市', '合肥市'], tags: ['园区贷'], email: 'Loan@HSBank.example.cn',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '徽商银行', serviceTypes: ['finance'], cities: ['合肥市'], email: 'loan@hsbank.example.cn', active: true });
    const finance = await ctx.request('GET', '/api/v1/providers?serviceType=finance', { token });
    const media = await ctx.request('GET', '/api/v1/providers?serviceType=media', { token });
    expect(finance.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
    expect(media.body.items.map((p: { id: string }) => p.id)).not.toContain(res.body.id);
  });

  it('updates only the fields sent, cleaned the same way as on create', async () => {
    const created = await create({ name: '安徽省国际商会', kind: 'chamber', serviceTypes: ['foreign_investment'], capacity: 8, email: 'c@example.cn' });
    const res = await ctx.request('PATCH', `/api/v1/providers/${created.body.id}`, {
      token, body: { name: ' 安徽省国际商会（合肥） ', email: 'NEW@Example.cn', tags: ['进博会', '进博会'], active: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '安徽省国际商会（合肥）', email: 'new@example.cn', tags: ['进博会'], active: false, capacity: 8, kind: 'chamber' });
    const [row] = await ctx.sql(`SELECT name, email, tags, active FROM service_provider WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ name: '安徽省国际商会（合肥）', email: 'new@example.cn', tags: ['进博会'], active: false });
  });

  it('answers 404 for an unknown provider', async () => {
    const res = await ctx.request('PATCH', '/api/v1/providers/00000000-0000-4000-8000-000000000000', { token, body: { capacity: 3 } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('SERVICE_PROVIDER_NOT_FOUND');
  });
});
