import { JwtService } from '@nestjs/jwt';
import { HttpResponse, RequestOptions, TEST_ADMIN, TestContext } from '@enterpark/testing';

/**
 * Bad input gets a clear 4xx naming the field and the rule, in the body; never a
 * 500, never a partial write.
 */

const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
const JWT_ISSUER = 'enterpark';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const item = (extra: Record<string, unknown> = {}) => ({ type: 'finance', title: '对接园区贷', ...extra });
const list = (extra: Record<string, unknown> = {}) => ({ title: '2026 年第四季度需求清单', period: '2026-Q4', items: [item()], ...extra });
const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The one error shape, and never a 5xx. */
function expectError(res: HttpResponse, status: number, field?: string, rule?: string): void {
  expect(res.status).toBeLessThan(500);
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status } });
  expect(res.body).toEqual(
    expect.objectContaining({ error: expect.any(String), code: expect.any(String), message: expect.any(String) }),
  );
  expect(res.body.error.length).toBeGreaterThan(0);
  expect(res.body.message.length).toBeGreaterThan(0);
  if (field) {
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field, rule: rule ?? expect.any(String), message: expect.any(String) }),
      ]),
    );
  }
  for (const detail of res.body.details ?? []) {
    expect(detail).toEqual({ field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
  }
}

describe('bad input gets the right 4xx, names the field and writes nothing', () => {
  let ctx: TestContext;
  let zoneId: string;
  let manager: string;
  let coordinator: string;
  let coordinatorId: string;
  let existingEmail: string;
  let providerId: string;

  /** Sends the request and checks that the database holds exactly what it held before. */
  async function refused(method: string, path: string, options: RequestOptions): Promise<HttpResponse> {
    const before = await ctx.rowCounts();
    const res = await ctx.request(method, path, options);
    expect(await ctx.rowCounts()).toEqual(before);
    return res;
  }

  beforeAll(async () => {
    // No worker: nothing here should reach it, and the counts stay still between requests.
    ctx = await TestContext.create({ worker: false });
    zoneId = (await ctx.newZone({ name: '滁州经开区' })).id;
    manager = (await ctx.newUser('zone_manager', { zoneId })).token;
    existingEmail = (await ctx.newUser('viewer')).user.email;
    coordinator = await ctx.coordinatorToken();
    [{ id: coordinatorId }] = await ctx.sql(`SELECT id FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    const provider = await ctx.request('POST', '/api/v1/providers', {
      token: coordinator,
      body: { name: '徽商银行滁州分行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, email: 'bank@example.cn' },
    });
    expect(provider.status).toBe(201);
    providerId = provider.body.id;
  });
  afterAll(() => ctx?.close());

  it('accepts the well-formed list these cases are variations of (the control)', async () => {
    const res = await ctx.request('POST', '/api/v1/demand-lists', { token: manager, body: list({ items: [item({ desiredBy: '2026-12-31', tags: ['园区贷'] })] }) });
    expect(res.status).toBe(201);
  });

  describe('POST /demand-lists with a bad payload', () => {
    const cases: { name: string; body: unknown; field: string; rule?: string }[] = [
      { name: 'unknown item type', body: list({ items: [item({ type: 'tourism' })] }), field: 'items.0.type', rule: 'isIn' },
      { name: 'missing item type', body: list({ items: [{ title: '没有类型' }] }), field: 'items.0.type' },
      { name: 'empty items', body: list({ items: [] }), field: 'items', rule: 'arrayMinSize' },
      { name: '201 items', body: list({ items: Array.from({ length: 201 }, (_, i) => item({ title: `需求 ${i}` })) }), field: 'items', rule: 'arrayMaxSize' },
      { name: 'missing items', body: { title: '没有条目' }, field: 'items' },
      { name: 'items not an array', body: list({ items: { 0: item() } }), field: 'items', rule: 'isArray' },
      { name: 'a null item', body: list({ items: [item(), null] }), field: 'items.1', rule: 'nestedValidation' },
      { name: 'status inside an item', body: list({ items: [item({ status: 'completed' })] }), field: 'items.0.status', rule: 'notAllowed' },
      { name: 'status at the top level', body: list({ status: 'completed' }), field: 'status', rule: 'notAllowed' },
      { name: 'filedBy at the top level', body: list({ filedBy: UNKNOWN_ID }), field: 'filedBy', rule: 'notAllowed' },
      { name: 'missing title', body: { items: [item()] }, field: 'title' },
      { name: 'empty title', body: list({ title: '' }), field: 'title', rule: 'minLength' },
      { name: 'over-long title', body: list({ title: '长'.repeat(201) }), field: 'title', rule: 'maxLength' },
      { name: 'numeric title', body: list({ title: 42 }), field: 'title', rule: 'isString' },
      { name: 'missing item title (second item)', body: list({ items: [item(), { type: 'media' }] }), field: 'items.1.title' },
      { name: 'over-long item title', body: list({ items: [item({ title: 'x'.repeat(201) })] }), field: 'items.0.title', rule: 'maxLength' },
      { name: 'over-long description', body: list({ items: [item({ description: 'x'.repeat(1001) })] }), field: 'items.0.description', rule: 'maxLength' },
      { name: 'over-long period', body: list({ period: 'x'.repeat(51) }), field: 'period', rule: 'maxLength' },
      { name: 'too many tags', body: list({ items: [item({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })] }), field: 'items.0.tags', rule: 'arrayMaxSize' },
      { name: 'an over-long tag', body: list({ items: [item({ tags: ['x'.repeat(31)] })] }), field: 'items.0.tags', rule: 'maxLength' },
      { name: 'tags not an array', body: list({ items: [item({ tags: '园区贷' })] }), field: 'items.0.tags', rule: 'isArray' },
      { name: 'a malformed zoneId', body: list({ zoneId: 'zone-b' }), field: 'zoneId', rule: 'isUuid' },
      ...['2026-02-30', '2026-13-01', '31/12/2026', '2026/12/31', '2026-12-31T08:00:00+08:00', 'next week', '', '2026-W01', '2026-W01-1', '2026-365', '2026', '2026-12', '0000-01-01', '2026-12-31 '].map(
        (desiredBy) => ({ name: `desiredBy ${JSON.stringify(desiredBy)}`, body: list({ items: [item({ desiredBy })] }), field: 'items.0.desiredBy' }),
      ),
      { name: 'numeric desiredBy', body: list({ items: [item({ desiredBy: 20261231 })] }), field: 'items.0.desiredBy' },
    ];

    it.each(cases)('$name → 400 naming $field', async ({ body, field, rule }) => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, body });
      expectError(res, 400, field, rule);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it.each([
      { name: 'a JSON array', rawBody: '[]' },
      { name: 'JSON null', rawBody: 'null' },
      { name: 'a JSON string', rawBody: '"清单"' },
      { name: 'a JSON number', rawBody: '42' },
      { name: 'an array of lists', rawBody: JSON.stringify([list()]) },
    ])('$name as the body → 400', async ({ rawBody }) => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, rawBody, headers: { 'content-type': 'application/json' } });
      expectError(res, 400);
      expect(res.body.details?.length).toBeGreaterThan(0);
    });

    it.each([
      { field: 'title', body: list({ title: '清单\u0000' }) },
      { field: 'period', body: list({ period: '2026\u0000Q4' }) },
      { field: 'items.0.title', body: list({ items: [item({ title: '园区\u0000贷' })] }) },
      { field: 'items.0.description', body: list({ items: [item({ description: '\u0000' })] }) },
      { field: 'items.0.tags', body: list({ items: [item({ tags: ['园区贷', 'a\u0000'] })] }) },
    ])('a NUL character in $field → 400 naming it, not a database error', async ({ field, body }) => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, body });
      expectError(res, 400, field, 'noNulCharacter');
    });
  });

  describe('each field gets one message: the first rule it broke, naming the limit or the allowed values', () => {
    const TYPES = 'media（媒体进园区）、finance（金融进园区）、training（培训进园区）、foreign_investment（外商进园区）、party_building（非公党建进园区）、precision_service（精准服务进园区）';
    it.each([
      { name: 'an unknown item type', path: '/api/v1/demand-lists', as: 'manager', body: () => list({ items: [item({ type: 'tourism' })] }), detail: { field: 'items.0.type', rule: 'isIn', message: `items.0.type 必须是以下取值之一：${TYPES}` } },
      { name: '201 items', path: '/api/v1/demand-lists', as: 'manager', body: () => list({ items: Array.from({ length: 201 }, () => item()) }), detail: { field: 'items', rule: 'arrayMaxSize', message: 'items 最多只能有 200 个元素' } },
      { name: 'a numeric password (not also its lengths)', path: '/api/v1/auth/login', as: 'nobody', body: () => ({ email: TEST_ADMIN.email, password: 12345678 }), detail: { field: 'password', rule: 'isString', message: 'password 必须是字符串' } },
      { name: 'an over-long password', path: '/api/v1/auth/login', as: 'nobody', body: () => ({ email: TEST_ADMIN.email, password: 'x'.repeat(129) }), detail: { field: 'password', rule: 'maxLength', message: 'password 不能超过 128 个字符' } },
      { name: 'an unknown zone level', path: '/api/v1/zones', as: 'coordinator', body: () => ({ code: 'level-zone', name: '新园区', level: 'galactic', city: '合肥市' }), detail: { field: 'level', rule: 'isIn', message: 'level 必须是以下取值之一：national（国家级经开区）、provincial（省级开发区）、cultivating（培育期开发区）' } },
      { name: 'a zone code with a space', path: '/api/v1/zones', as: 'coordinator', body: () => ({ code: 'HF 01', name: '新园区', level: 'national', city: '合肥市' }), detail: { field: 'code', rule: 'matches', message: 'code 只能包含英文字母、数字和连字符（-），以字母或数字开头，共 2–64 个字符（字母不区分大小写）' } },
    ])('$name', async ({ path, as, body, detail }) => {
      const token = as === 'manager' ? manager : as === 'coordinator' ? coordinator : undefined;
      const res = await refused('POST', path, { token, body: body() });
      expectError(res, 400);
      expect(res.body.details).toEqual([detail]);
    });

    it('the SLA targets of an unknown type name the six types', async () => {
      const res = await refused('PUT', '/api/v1/sla-targets/tourism', { token: coordinator, body: { triageDays: 1, matchingDays: 5, serviceDays: 20 } });
      expect(res.body.details).toEqual([{ field: 'type', rule: 'isIn', message: `type 必须是以下取值之一：${TYPES}` }]);
    });
  });

  describe('POST /demand-lists with a body that is not JSON', () => {
    it('malformed JSON → 400 naming body', async () => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, rawBody: '{"title": "清单", "items": [', headers: { 'content-type': 'application/json' } });
      expectError(res, 400, 'body');
    });

    it('an empty JSON body → 400 naming body', async () => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, rawBody: '', headers: { 'content-type': 'application/json' } });
      expectError(res, 400, 'body');
    });

    it('__proto__ in the body → 400', async () => {
      const res = await refused('POST', '/api/v1/demand-lists', {
        token: manager,
        rawBody: `{"title":"清单","items":[{"type":"finance","title":"x"}],"__proto__":{"isAdmin":true}}`,
        headers: { 'content-type': 'application/json' },
      });
      expectError(res, 400);
    });

    it.each([
      { name: 'text/plain', contentType: 'text/plain' },
      { name: 'form-encoded', contentType: 'application/x-www-form-urlencoded' },
      { name: 'XML', contentType: 'application/xml' },
    ])('a $name content type → 415 (or 400)', async ({ contentType }) => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, rawBody: JSON.stringify(list()), headers: { 'content-type': contentType } });
      expect([400, 415]).toContain(res.status);
      expectError(res, res.status);
      if (res.status === 415) expectError(res, 415, 'content-type');
    });

    it('a 2 MB body → 413 naming body', async () => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, body: list({ items: [item({ description: 'x'.repeat(2 * 1024 * 1024) })] }) });
      expectError(res, 413, 'body', 'maxBytes');
    });
  });

  describe('Idempotency-Key', () => {
    it.each([
      { name: 'over-long (201 characters)', key: 'k'.repeat(201) },
      { name: 'empty', key: '' },
      { name: 'with a space', key: 'retry 001' },
    ])('$name → 400 naming Idempotency-Key', async ({ key }) => {
      const res = await refused('POST', '/api/v1/demand-lists', { token: manager, body: list(), headers: { 'Idempotency-Key': key } });
      expectError(res, 400, 'Idempotency-Key');
    });

    it('200 characters is still accepted (the boundary)', async () => {
      const res = await ctx.request('POST', '/api/v1/demand-lists', { token: manager, body: list(), headers: { 'Idempotency-Key': 'k'.repeat(200) } });
      expect(res.status).toBe(201);
    });
  });

  describe('list queries', () => {
    const cursorOf = (createdAt: unknown, id: unknown) => b64url([createdAt, id]);
    const cases: { name: string; path: string; field: string; rule?: string }[] = [
      { name: 'limit=100000', path: '/api/v1/tickets?limit=100000', field: 'limit', rule: 'max' },
      { name: 'limit=201', path: '/api/v1/tickets?limit=201', field: 'limit', rule: 'max' },
      { name: 'limit=0', path: '/api/v1/tickets?limit=0', field: 'limit', rule: 'min' },
      { name: 'limit=-1', path: '/api/v1/tickets?limit=-1', field: 'limit', rule: 'min' },
      { name: 'limit=abc', path: '/api/v1/tickets?limit=abc', field: 'limit' },
      { name: 'limit=1.5', path: '/api/v1/tickets?limit=1.5', field: 'limit', rule: 'isInt' },
      { name: 'limit twice', path: '/api/v1/tickets?limit=1&limit=2', field: 'limit' },
      { name: 'a garbage cursor', path: '/api/v1/tickets?cursor=not-a-cursor!!', field: 'cursor' },
      { name: 'a cursor of random base64', path: `/api/v1/tickets?cursor=${b64url('garbage')}`, field: 'cursor' },
      { name: 'a cursor with a non-UUID id', path: `/api/v1/tickets?cursor=${cursorOf('2026-01-01T00:00:00.000Z', 'not-a-uuid')}`, field: 'cursor' },
      { name: 'a cursor with a loose date', path: `/api/v1/tickets?cursor=${cursorOf('1', UNKNOWN_ID)}`, field: 'cursor' },
      { name: 'a cursor of the wrong shape', path: `/api/v1/tickets?cursor=${b64url({ createdAt: 1 })}`, field: 'cursor' },
      { name: 'an over-long cursor', path: `/api/v1/tickets?cursor=${'a'.repeat(201)}`, field: 'cursor', rule: 'maxLength' },
      { name: 'a bad status filter', path: '/api/v1/tickets?status=lost', field: 'status', rule: 'isIn' },
      { name: 'a bad type filter', path: '/api/v1/tickets?type=tourism', field: 'type', rule: 'isIn' },
      { name: 'a malformed zoneId filter', path: '/api/v1/tickets?zoneId=zone-b', field: 'zoneId', rule: 'isUuid' },
      { name: 'a malformed assigneeId filter', path: '/api/v1/tickets?assigneeId=42', field: 'assigneeId', rule: 'isUuid' },
      { name: 'a bad overdue flag', path: '/api/v1/tickets?overdue=maybe', field: 'overdue', rule: 'isBoolean' },
      { name: 'an empty q', path: '/api/v1/tickets?q=', field: 'q' },
      { name: 'an over-long q', path: `/api/v1/tickets?q=${'x'.repeat(101)}`, field: 'q', rule: 'maxLength' },
      { name: 'a q with a NUL character', path: '/api/v1/tickets?q=a%00b', field: 'q' },
      { name: 'an unknown filter', path: '/api/v1/tickets?colour=red', field: 'colour', rule: 'notAllowed' },
      { name: 'demand lists with a garbage cursor', path: '/api/v1/demand-lists?cursor=%%%', field: 'cursor' },
      { name: 'demand lists with a non-UUID cursor id', path: `/api/v1/demand-lists?cursor=${cursorOf('2026-01-01T00:00:00.000Z', 'x')}`, field: 'cursor' },
      { name: 'demand lists with limit=0', path: '/api/v1/demand-lists?limit=0', field: 'limit' },
      { name: 'zones with limit=100000', path: '/api/v1/zones?limit=100000', field: 'limit' },
      { name: 'zones with a non-UUID cursor id', path: `/api/v1/zones?cursor=${cursorOf('2026-01-01T00:00:00.000Z', 'x')}`, field: 'cursor' },
    ];

    it.each(cases)('GET $name → 400 naming $field', async ({ path, field, rule }) => {
      expectError(await ctx.request('GET', path, { token: manager }), 400, field, rule);
    });

    it.each([
      { name: 'users with limit=0', path: '/api/v1/users?limit=0', field: 'limit' },
      { name: 'users with a bad role filter', path: '/api/v1/users?role=admin', field: 'role' },
      { name: 'users with a non-UUID cursor id', path: `/api/v1/users?cursor=${cursorOf('2026-01-01T00:00:00.000Z', 'x')}`, field: 'cursor' },
      { name: 'providers with a garbage cursor', path: '/api/v1/providers?cursor=zzz', field: 'cursor' },
      { name: 'providers with a bad serviceType', path: '/api/v1/providers?serviceType=tourism', field: 'serviceType' },
    ])('GET $name (coordinator) → 400 naming $field', async ({ path, field }) => {
      expectError(await ctx.request('GET', path, { token: coordinator }), 400, field);
    });

    it('limit=200 and a cursor from a previous page are accepted (the boundary)', async () => {
      const first = await ctx.request('GET', '/api/v1/users?limit=200', { token: coordinator });
      expect(first.status).toBe(200);
      expect(first.body.items.length).toBeGreaterThan(1);
      const one = await ctx.request('GET', '/api/v1/users?limit=1', { token: coordinator });
      expect(one.body.nextCursor).toEqual(expect.any(String));
      const next = await ctx.request('GET', `/api/v1/users?limit=1&cursor=${one.body.nextCursor}`, { token: coordinator });
      expect(next.status).toBe(200);
      expect(next.body.items[0].id).toBe(first.body.items[1].id);
    });
  });

  describe('tokens', () => {
    // The bootstrap coordinator's account is at token version 1 (nothing changed it).
    const claims = () => ({ sub: coordinatorId, role: 'coordinator', zoneId: null, desks: [] as string[], ver: 1 });
    // Token lifetimes are checked by jsonwebtoken against the system clock, not the Clock: so are these.
    const now = () => Math.floor(Date.now() / 1000);
    const sign = (payload: object, secret = JWT_SECRET, algorithm: 'HS256' | 'HS512' = 'HS256') =>
      new JwtService({ secret }).sign(payload, { algorithm });
    const flipSignature = (token: string) => {
      const [h, p, s] = token.split('.');
      const i = Math.floor(s.length / 2);
      return `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
    };

    it('a well-formed token signed like the server does is accepted (the control)', async () => {
      const token = sign({ ...claims(), iss: JWT_ISSUER, exp: now() + 600 });
      expect((await ctx.request('GET', '/api/v1/me', { token })).status).toBe(200);
    });

    const cases: { name: string; authorization: () => string | undefined }[] = [
      { name: 'no Authorization header', authorization: () => undefined },
      { name: 'the Bearer scheme without a token', authorization: () => 'Bearer' },
      { name: 'a Basic credential', authorization: () => `Basic ${Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString('base64')}` },
      { name: 'a garbage token', authorization: () => 'Bearer not.a.jwt' },
      { name: 'a tampered signature', authorization: () => `Bearer ${flipSignature(sign({ ...claims(), iss: JWT_ISSUER, exp: now() + 600 }))}` },
      {
        name: 'a tampered payload (role raised)',
        authorization: () => {
          const [h, , s] = sign({ ...claims(), role: 'viewer', iss: JWT_ISSUER, exp: now() + 600 }).split('.');
          return `Bearer ${h}.${b64url({ ...claims(), iss: JWT_ISSUER, exp: now() + 600 })}.${s}`;
        },
      },
      { name: 'another secret', authorization: () => `Bearer ${sign({ ...claims(), iss: JWT_ISSUER, exp: now() + 600 }, 'another-secret-another-secret-another-secret')}` },
      { name: 'alg none', authorization: () => `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims(), iss: JWT_ISSUER, exp: now() + 600 })}.` },
      { name: 'alg HS512 (not the pinned algorithm)', authorization: () => `Bearer ${sign({ ...claims(), iss: JWT_ISSUER, exp: now() + 600 }, JWT_SECRET, 'HS512')}` },
      { name: 'an expired token', authorization: () => `Bearer ${sign({ ...claims(), iss: JWT_ISSUER, iat: now() - 7200, exp: now() - 60 })}` },
      { name: 'no expiry (exp)', authorization: () => `Bearer ${sign({ ...claims(), iss: JWT_ISSUER })}` },
      { name: 'no token version (ver)', authorization: () => `Bearer ${sign({ ...claims(), ver: undefined, iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'an older token version', authorization: () => `Bearer ${sign({ ...claims(), ver: 0, iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'a newer token version', authorization: () => `Bearer ${sign({ ...claims(), ver: 2, iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'a fractional token version', authorization: () => `Bearer ${sign({ ...claims(), ver: 1.5, iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'an unknown account', authorization: () => `Bearer ${sign({ ...claims(), sub: UNKNOWN_ID, iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'another issuer', authorization: () => `Bearer ${sign({ ...claims(), iss: 'someone-else', exp: now() + 600 })}` },
      { name: 'no issuer', authorization: () => `Bearer ${sign({ ...claims(), exp: now() + 600 })}` },
      { name: 'an unknown role', authorization: () => `Bearer ${sign({ ...claims(), role: 'admin', iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'a malformed subject', authorization: () => `Bearer ${sign({ ...claims(), sub: 'admin', iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'a zone manager without a zone', authorization: () => `Bearer ${sign({ ...claims(), role: 'zone_manager', iss: JWT_ISSUER, exp: now() + 600 })}` },
      { name: 'a coordinator with a zone', authorization: () => `Bearer ${sign({ ...claims(), zoneId, iss: JWT_ISSUER, exp: now() + 600 })}` },
    ];

    it.each(cases)('$name → 401 on reads', async ({ authorization }) => {
      const value = authorization();
      const res = await ctx.request('GET', '/api/v1/tickets', { headers: value === undefined ? {} : { authorization: value } });
      expectError(res, 401);
      expect(res.body.items).toBeUndefined();
    });

    it.each(cases)('$name → 401 on writes, and nothing is written', async ({ authorization }) => {
      const value = authorization();
      const res = await refused('POST', '/api/v1/demand-lists', { body: list({ zoneId }), headers: value === undefined ? {} : { authorization: value } });
      expectError(res, 401);
    });
  });

  describe('ids in paths', () => {
    it.each([
      { method: 'GET', path: '/api/v1/tickets/not-a-uuid' },
      { method: 'GET', path: '/api/v1/tickets/123' },
      { method: 'GET', path: `/api/v1/tickets/${UNKNOWN_ID}x` },
      { method: 'GET', path: `/api/v1/tickets/${UNKNOWN_ID}` },
      { method: 'GET', path: "/api/v1/demand-lists/'%20OR%201=1" },
      { method: 'GET', path: `/api/v1/demand-lists/${UNKNOWN_ID}` },
      { method: 'GET', path: '/api/v1/zones/hefei' },
      { method: 'GET', path: `/api/v1/zones/${UNKNOWN_ID}` },
      { method: 'PATCH', path: '/api/v1/providers/not-a-uuid' },
      { method: 'PATCH', path: `/api/v1/providers/${UNKNOWN_ID}` },
    ])('$method $path → 404', async ({ method, path }) => {
      const res = await refused(method, path, { token: coordinator, ...(method === 'PATCH' ? { body: { capacity: 3 } } : {}) });
      expectError(res, 404);
    });
  });

  describe('POST /auth/login', () => {
    it('a wrong password and an unknown email get the same 401', async () => {
      const wrong = await ctx.request('POST', '/api/v1/auth/login', { body: { email: TEST_ADMIN.email, password: 'Wrong-Passw0rd!' } });
      const unknown = await ctx.request('POST', '/api/v1/auth/login', { body: { email: 'nobody@enterpark.test', password: 'Wrong-Passw0rd!' } });
      expectError(wrong, 401);
      expectError(unknown, 401);
      expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body.accessToken).toBeUndefined();
    });

    it.each([
      { name: 'a malformed email', body: { email: 'not-an-email', password: 'x' }, field: 'email', rule: 'isEmail' },
      { name: 'a missing email', body: { password: 'x' }, field: 'email' },
      { name: 'a missing password', body: { email: TEST_ADMIN.email }, field: 'password' },
      { name: 'an empty password', body: { email: TEST_ADMIN.email, password: '' }, field: 'password', rule: 'minLength' },
      { name: 'an over-long password', body: { email: TEST_ADMIN.email, password: 'x'.repeat(129) }, field: 'password', rule: 'maxLength' },
      { name: 'a numeric password', body: { email: TEST_ADMIN.email, password: 12345678 }, field: 'password', rule: 'isString' },
      { name: 'an extra field', body: { email: TEST_ADMIN.email, password: TEST_ADMIN.password, role: 'coordinator' }, field: 'role', rule: 'notAllowed' },
    ])('$name → 400 naming $field', async ({ body, field, rule }) => {
      const res = await ctx.request('POST', '/api/v1/auth/login', { body });
      expectError(res, 400, field, rule);
      expect(res.body.accessToken).toBeUndefined();
    });
  });

  describe('POST /users', () => {
    let n = 0;
    const user = (extra: Record<string, unknown>) => ({ email: `new.user.${++n}@enterpark.test`, name: '新用户', password: 'New-Passw0rd!', ...extra });

    it.each([
      { name: 'a zone manager without zoneId', body: () => user({ role: 'zone_manager' }), status: 400, field: 'zoneId' },
      { name: 'a zone manager with an unknown zoneId', body: () => user({ role: 'zone_manager', zoneId: UNKNOWN_ID }), status: 400, field: 'zoneId' },
      { name: 'a zone manager with a malformed zoneId', body: () => user({ role: 'zone_manager', zoneId: 'zone-a' }), status: 400, field: 'zoneId', rule: 'isUuid' },
      { name: 'a desk staff without desks', body: () => user({ role: 'desk_staff' }), status: 400, field: 'desks' },
      { name: 'a desk staff with no desk', body: () => user({ role: 'desk_staff', desks: [] }), status: 400, field: 'desks', rule: 'arrayMinSize' },
      { name: 'a desk staff with an unknown desk', body: () => user({ role: 'desk_staff', desks: ['tourism'] }), status: 400, field: 'desks', rule: 'isIn' },
      { name: 'a viewer with a zoneId', body: () => user({ role: 'viewer', zoneId }), status: 400, field: 'zoneId' },
      { name: 'a coordinator with desks', body: () => user({ role: 'coordinator', desks: ['finance'] }), status: 400, field: 'desks' },
      { name: 'an unknown role', body: () => user({ role: 'admin' }), status: 400, field: 'role', rule: 'isIn' },
      { name: 'a short password', body: () => user({ role: 'viewer', password: 'short' }), status: 400, field: 'password', rule: 'minLength' },
      { name: 'a malformed email', body: () => user({ role: 'viewer', email: 'viewer@' }), status: 400, field: 'email', rule: 'isEmail' },
      { name: 'a blank name', body: () => user({ role: 'viewer', name: '   ' }), status: 400, field: 'name', rule: 'isNotBlank' },
      { name: 'a name with a NUL character', body: () => user({ role: 'viewer', name: '张\u0000明' }), status: 400, field: 'name', rule: 'noNulCharacter' },
      { name: 'a name of 100 letters and a variation selector', body: () => user({ role: 'viewer', name: `${'明'.repeat(100)}\uFE0F` }), status: 400, field: 'name', rule: 'maxLength' },
      { name: 'an extra field', body: () => user({ role: 'viewer', id: UNKNOWN_ID }), status: 400, field: 'id', rule: 'notAllowed' },
      { name: 'a duplicate email', body: () => user({ role: 'viewer', email: existingEmail }), status: 409, field: 'email' },
      { name: 'a duplicate email in other case', body: () => user({ role: 'viewer', email: existingEmail.toUpperCase() }), status: 409, field: 'email' },
    ])('$name → $status naming $field', async ({ body, status, field, rule }) => {
      const res = await refused('POST', '/api/v1/users', { token: coordinator, body: body() });
      expectError(res, status, field, rule);
      if (status === 409) expect(res.body.code).toBe('USER_EMAIL_TAKEN');
    });
  });

  describe('zones and providers', () => {
    it.each([
      { name: 'a zone with an unknown level', path: '/api/v1/zones', method: 'POST', body: () => ({ code: 'new-zone', name: '新园区', level: 'galactic', city: '合肥市' }), status: 400, field: 'level' },
      { name: 'a zone with a blank name', path: '/api/v1/zones', method: 'POST', body: () => ({ code: 'blank-zone', name: ' \u3000 ', level: 'national', city: '合肥市' }), status: 400, field: 'name', rule: 'isNotBlank' },
      { name: 'a zone with a blank city', path: '/api/v1/zones', method: 'POST', body: () => ({ code: 'blank-city', name: '新园区', level: 'national', city: '  ' }), status: 400, field: 'city', rule: 'isNotBlank' },
      { name: 'a zone with a blank province', path: '/api/v1/zones', method: 'POST', body: () => ({ code: 'blank-prov', name: '新园区', level: 'national', city: '合肥市', province: ' ' }), status: 400, field: 'province', rule: 'isNotBlank' },
      { name: 'a zone name over 100 characters in the database\'s count', path: '/api/v1/zones', method: 'POST', body: () => ({ code: 'long-zone', name: `${'园'.repeat(99)}\u2764\uFE0F`, level: 'national', city: '合肥市' }), status: 400, field: 'name', rule: 'maxLength' },
      { name: 'a zone name with a NUL character', path: '/api/v1/zones', method: 'POST', body: () => ({ code: 'nul-zone', name: '园\u0000区', level: 'national', city: '合肥市' }), status: 400, field: 'name', rule: 'noNulCharacter' },
      { name: 'a provider with a blank name', path: '/api/v1/providers', method: 'POST', body: () => ({ name: '   ', kind: 'bank', serviceTypes: ['finance'], capacity: 1, email: 'b@example.cn' }), status: 400, field: 'name', rule: 'isNotBlank' },
      { name: 'a provider with a blank kind', path: '/api/v1/providers', method: 'POST', body: () => ({ name: '银行', kind: ' ', serviceTypes: ['finance'], capacity: 1, email: 'b@example.cn' }), status: 400, field: 'kind', rule: 'isNotBlank' },
      { name: 'a provider with a NUL in a tag', path: '/api/v1/providers', method: 'POST', body: () => ({ name: '银行', kind: 'bank', serviceTypes: ['finance'], capacity: 1, email: 'b@example.cn', tags: ['\u0000'] }), status: 400, field: 'tags', rule: 'noNulCharacter' },
      { name: 'a zone with a bad code', path: '/api/v1/zones', method: 'POST', body: () => ({ code: 'Bad Code', name: '新园区', level: 'national', city: '合肥市' }), status: 400, field: 'code', rule: 'matches' },
      { name: 'a provider with no capacity', path: '/api/v1/providers', method: 'POST', body: () => ({ name: '银行', kind: 'bank', serviceTypes: ['finance'], capacity: 0, email: 'b@example.cn' }), status: 400, field: 'capacity', rule: 'min' },
      { name: 'a provider with no service type', path: '/api/v1/providers', method: 'POST', body: () => ({ name: '银行', kind: 'bank', serviceTypes: [], capacity: 1, email: 'b@example.cn' }), status: 400, field: 'serviceTypes' },
      { name: 'a provider patched with an unknown field', path: () => `/api/v1/providers/${providerId}`, method: 'PATCH', body: () => ({ rating: 5 }), status: 400, field: 'rating', rule: 'notAllowed' },
      { name: 'a provider patched with a string flag', path: () => `/api/v1/providers/${providerId}`, method: 'PATCH', body: () => ({ active: 'yes' }), status: 400, field: 'active', rule: 'isBoolean' },
      { name: 'a provider patched with a null name', path: () => `/api/v1/providers/${providerId}`, method: 'PATCH', body: () => ({ name: null }), status: 400, field: 'name' },
      { name: 'a provider patched with null cities', path: () => `/api/v1/providers/${providerId}`, method: 'PATCH', body: () => ({ cities: null }), status: 400, field: 'cities' },
      { name: 'a provider patched with a null active flag', path: () => `/api/v1/providers/${providerId}`, method: 'PATCH', body: () => ({ active: null }), status: 400, field: 'active' },
      { name: 'a provider patched with a blank name', path: () => `/api/v1/providers/${providerId}`, method: 'PATCH', body: () => ({ name: '  ' }), status: 400, field: 'name', rule: 'isNotBlank' },
      { name: 'a provider patched with null service types', path: () => `/api/v1/providers/${providerId}`, method: 'PATCH', body: () => ({ serviceTypes: null }), status: 400, field: 'serviceTypes' },
    ])('$name → $status naming $field', async ({ path, method, body, status, field, rule }) => {
      const before = await ctx.sql(`SELECT * FROM service_provider ORDER BY id`);
      const res = await refused(method, typeof path === 'function' ? path() : path, { token: coordinator, body: body() });
      expectError(res, status, field, rule);
      expect(await ctx.sql(`SELECT * FROM service_provider ORDER BY id`)).toEqual(before);
    });

    it('a provider patched with good values changes those and keeps the rest (the control)', async () => {
      const res = await ctx.request('PATCH', `/api/v1/providers/${providerId}`, { token: coordinator, body: { capacity: 7, tags: ['园区贷'] } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: providerId, name: '徽商银行滁州分行', capacity: 7, tags: ['园区贷'], active: true });
      const [row] = await ctx.sql(`SELECT capacity, tags, name FROM service_provider WHERE id = $1`, [providerId]);
      expect(row).toEqual({ capacity: 7, tags: ['园区贷'], name: '徽商银行滁州分行' });
    });

    it('a zone code is case-insensitive: HF-01 is stored as hf-01, and hf-01 is then taken (409)', async () => {
      const created = await ctx.request('POST', '/api/v1/zones', { token: coordinator, body: { code: 'HF-01', name: '合肥高新区', level: 'national', city: '合肥市' } });
      expect(created.status).toBe(201);
      expect(created.body.code).toBe('hf-01');
      const res = await refused('POST', '/api/v1/zones', { token: coordinator, body: { code: 'hf-01', name: '重复园区', level: 'national', city: '合肥市' } });
      expectError(res, 409, 'code', 'unique');
      expect(res.body.code).toBe('ZONE_CODE_TAKEN');
      expect(res.body.details).toEqual([{ field: 'code', rule: 'unique', message: '园区编码 hf-01 已存在（编码不区分大小写）' }]);
    });

    it('a duplicate zone code → 409 naming code', async () => {
      const [{ code }] = await ctx.sql(`SELECT code FROM zone WHERE id = $1`, [zoneId]);
      const res = await refused('POST', '/api/v1/zones', { token: coordinator, body: { code, name: '重复园区', level: 'national', city: '合肥市' } });
      expectError(res, 409, 'code');
    });
  });

  describe('reporting, problems and templates with bad input', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    it.each([
      ['a ranking period that is no month, quarter or year', 'GET', '/api/v1/rankings?period=2026-13&by=zone', undefined, 400, 'period'],
      ['a ranking by something unknown', 'GET', '/api/v1/rankings?period=2026-11&by=city', undefined, 400, 'by'],
      ['weights that are not numbers', 'PUT', '/api/v1/rankings/weights', { completion: '0.3', onTime: 0.3, satisfaction: 0.3, returns: 0.1 }, 400, 'completion'],
      ['a bulletin period that is no period', 'POST', '/api/v1/bulletins', { period: '十一月' }, 400, 'period'],
      ['a problem without a title', 'POST', '/api/v1/problems', { ticketIds: ids(1) }, 400, 'title'],
      ['a problem with ticket ids that are not ids', 'POST', '/api/v1/problems', { title: '融资难', ticketIds: ['abc'] }, 400, 'ticketIds'],
      ['a problem with more ticket ids than one request takes', 'POST', '/api/v1/problems', { title: '融资难', ticketIds: ids(101) }, 400, 'ticketIds'],
      ['a template from a ticket id that is not an id', 'POST', '/api/v1/templates', { fromTicketId: 'abc' }, 400, 'fromTicketId'],
    ] as const)('%s → 400 naming the field, nothing written', async (_name, method, path, body, status, field) => {
      const res = await refused(method, path, { token: coordinator, body });
      expectError(res, status, field);
    });

    it('weights that do not add up to 1 → 400, the stored weights unchanged', async () => {
      const res = await refused('PUT', '/api/v1/rankings/weights', { token: coordinator, body: { completion: 0.5, onTime: 0.5, satisfaction: 0.5, returns: 0.1 } });
      expect(res.status).toBe(400);
      expectError(res, 400);
    });
  });
});
