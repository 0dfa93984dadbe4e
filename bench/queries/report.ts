import { table } from '../intake/report';
import { CPU_USERS, CpuUser } from '../matching/cpu';
import { QueriesBenchConfig } from './config';
import { Latency } from './measure';
import { InsertCost, MethodRow } from './methods';
import { Role, ROLES } from './queries';
import { SeedInfo } from './seed';

export interface QueryResult {
  query: string;
  role: Role;
  sequential: Latency;
  concurrent: Latency;
}

export interface QueriesReport {
  config: QueriesBenchConfig;
  seed: SeedInfo;
  results: QueryResult[];
  methods: MethodRow[] | null;
  insert: InsertCost | null;
  /** Load average (1, 5, 15 min) before and after the timed phases. */
  load: { before: number[]; after: number[] };
  apiCpuMsPerRequest: number | null;
  /** CPU seconds of each process over the phases with `connections` in flight, their wall time and requests. */
  concurrentUse: { seconds: Record<CpuUser, number>; wallSeconds: number; requests: number } | null;
}

const f = (n: number, digits = 1) => n.toFixed(digits);

const BASELINE = 'baseline: GET /me';

function worst(results: QueryResult[], phase: 'sequential' | 'concurrent'): QueryResult {
  return results.filter((x) => x.query !== BASELINE).reduce((a, b) => (b[phase].p99 > a[phase].p99 ? b : a));
}

export function render(r: QueriesReport): string {
  const { config, seed } = r;
  const lines: string[] = [];
  lines.push(`bench/queries: GET /api/v1/tickets on ${seed.tickets.toLocaleString('en')} tickets, database ${config.database} (${seed.reused ? 'reused: seeded earlier' : `seeded now in ${f(seed.seedSeconds, 0)} s`})`);
  lines.push(`load average (1/5/15 min) before timing: ${r.load.before.map((l) => f(l, 2)).join(' ')}, after: ${r.load.after.map((l) => f(l, 2)).join(' ')} (2 cores, shared)`);
  lines.push(`${config.requests} requests per query and role: one client, then ${config.connections} connections; ms; items: per page on average`);
  lines.push('');
  const queries = [...new Set(r.results.map((x) => x.query))];
  const header = [['query', ...ROLES.flatMap((role) => [`${role} p50`, 'p99', `${config.connections}c p50`, `${config.connections}c p99`, 'items'])]];
  const rows = queries.map((query) => [
    query,
    ...ROLES.flatMap((role) => {
      const x = r.results.find((y) => y.query === query && y.role === role);
      if (!x) return ['', '', '', '', ''];
      const errors = x.sequential.errors + x.concurrent.errors;
      return [f(x.sequential.p50), f(x.sequential.p99), f(x.concurrent.p50), f(x.concurrent.p99), `${f(x.sequential.items, 0)}${errors ? ` (${errors} errors)` : ''}`];
    }),
  ]);
  lines.push(table(header, rows));
  if (r.apiCpuMsPerRequest !== null) lines.push(`API process CPU per request over the timed phases: ${f(r.apiCpuMsPerRequest, 2)} ms`);
  if (r.concurrentUse) {
    const u = r.concurrentUse;
    const perRequest = (user: CpuUser) => (u.seconds[user] * 1000) / u.requests;
    const stack = CPU_USERS.filter((x) => x !== 'other').reduce((sum, x) => sum + perRequest(x), 0);
    lines.push(
      `with ${config.connections} connections: ${f(u.requests / u.wallSeconds, 0)} requests/s, CPU ms per request api ${f(perRequest('api'), 2)} / postgres ${f(perRequest('postgres'), 2)} / load generator ${f(perRequest('bench'), 2)} / redis ${f(perRequest('redis'), 2)} = ${f(stack, 2)} (other processes ${f(perRequest('other'), 2)}); ` +
        `mean time in flight by Little's law ${f((config.connections * 1000 * u.wallSeconds) / u.requests, 1)} ms`,
    );
  }
  if (r.methods) {
    lines.push('');
    lines.push('Text search, first page newest first (51 rows) on raw SQL: substring ILIKE (scan), pg_trgm GIN on title || description, segmented words in ticket_terms GIN, their postings (the service); ms');
    lines.push(
      table(
        [['words', 'substring hits', 'word hits', 'ILIKE p50', 'p99', 'trigram p50', 'p99', 'GIN p50', 'p99', 'postings p50', 'p99']],
        r.methods.map((m) => [m.label, m.matches.ilike, m.matches.words, f(m.ilike.p50), f(m.ilike.p99), f(m.trigram.p50), f(m.trigram.p99), f(m.gin.p50, 2), f(m.gin.p99, 2), f(m.postings.p50, 2), f(m.postings.p99, 2)]),
      ),
    );
  }
  if (r.insert) {
    const i = r.insert;
    lines.push('');
    lines.push(`intake insert cost (${i.tickets} tickets in lists of 20, rolled back): ${f(i.withIndexesUs, 0)} µs/ticket with the list-query indexes, ${f(i.withoutIndexesUs, 0)} µs/ticket as before them (×${f(i.withIndexesUs / i.withoutIndexesUs, 2)})`);
  }
  const seq = worst(r.results, 'sequential');
  const conc = worst(r.results, 'concurrent');
  const floor = r.results.find((x) => x.query === BASELINE && x.role === seq.role);
  lines.push('');
  const lists = r.results.filter((x) => x.query !== BASELINE);
  const met = lists.filter((x) => x.sequential.p99 < config.targetP99Ms).length;
  lines.push(`one client: ${met} of ${lists.length} query × role p99 under ${config.targetP99Ms} ms; the worst is ×${floor ? f(seq.sequential.p99 / floor.sequential.p99) : '?'} the same role's baseline p99`);
  lines.push(`target: p99 < ${config.targetP99Ms} ms for each query: one client ${seq.sequential.p99 < config.targetP99Ms ? 'met' : 'NOT met'}, ${config.connections} connections ${conc.concurrent.p99 < config.targetP99Ms ? 'met' : 'NOT met'}`);
  lines.push(`queries: worst p99 ${f(seq.sequential.p99)} ms (${seq.query}, ${seq.role}); with ${config.connections} connections ${f(conc.concurrent.p99)} ms (${conc.query}, ${conc.role}); load ${f(r.load.before[0], 2)}`);
  return lines.join('\n');
}
