import 'reflect-metadata';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { log, runBench } from '../intake/harness';
import { HttpClient } from '../intake/http';
import { login } from '../intake/seed';
import { API_SCRIPT, BenchWorld, freePort, Service, serviceEnv, waitReady } from '../intake/services';
import { coresBetween, CPU_USERS, CpuMeter, CpuUser, processSeconds } from '../matching/cpu';
import { queriesConfig, QueriesBenchConfig } from './config';
import { timeSeries } from './measure';
import { compareSearchMethods, insertCost } from './methods';
import { ROLES, RoleWorld, seriesFor } from './queries';
import { QueryResult, render } from './report';
import { ensureSeed, SEED_PASSWORD } from './seed';

/**
 * bench/queries: GET /api/v1/tickets for every filter the console uses, as a coordinator, a
 * desk clerk and a zone manager, one client and then BENCH_CONNECTIONS, on a 1,000,000-ticket
 * database seeded once (the digest bench's seeder) and reused by later runs; then the text-search
 * methods compared on raw SQL and what the list-query indexes cost intake. Only the API runs
 * (nothing here needs the worker); BENCH_CPU_PROF=<dir> writes its CPU profile there.
 * Progress to stderr, the table to stdout.
 */
async function roleWorld(db: Pool, role: (typeof ROLES)[number], email: string): Promise<RoleWorld> {
  const [user] = (await db.query(`SELECT u.id, u.zone_id, coalesce(array_agg(d.desk) FILTER (WHERE d.desk IS NOT NULL), '{}') AS desks FROM app_user u LEFT JOIN desk_member d ON d.user_id = u.id WHERE u.email = $1 GROUP BY u.id`, [email])).rows;
  return { role, userId: user.id, zoneId: user.zone_id, desks: user.desks };
}

async function run(config: QueriesBenchConfig, world: BenchWorld, services: Service[]): Promise<string> {
  const seed = await ensureSeed(config, log);
  world.databaseUrl = seed.databaseUrl;
  const db = new Pool({ connectionString: seed.databaseUrl, max: 2, application_name: 'bench-queries' });
  db.on('error', () => undefined);
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: Service.start has the API write its CPU profile there.
  const api = Service.start('api', API_SCRIPT, { ...serviceEnv(config, world, port), BOOTSTRAP_ADMIN_PASSWORD: SEED_PASSWORD });
  services.push(api);
  const http = new HttpClient(`http://127.0.0.1:${port}`, config.connections);
  try {
    await waitReady(`http://127.0.0.1:${port}`, api, 60_000);
    const emails = { coordinator: seed.coordinatorEmail, 'desk clerk': seed.clerkEmail, 'zone manager': seed.managerEmail } as const;
    const roles = await Promise.all(
      ROLES.map(async (role) => ({ who: await roleWorld(db, role, emails[role]), token: await login(http, emails[role], SEED_PASSWORD) })),
    );
    const plans = await Promise.all(roles.map(async (r) => ({ ...r, series: await seriesFor(db, r.who, config.deepPages) })));

    log('warming up (every query, 20 requests)');
    for (const { token, series } of plans) for (const s of series) await timeSeries(http, token, s, 20, 1);

    const before = loadavg();
    const cpuBefore = await processSeconds(api.pid);
    // Where the machine's CPU goes while `connections` requests are in flight: the arithmetic of the concurrent target.
    const meter = new CpuMeter(db, config.redisUrl, { api: () => api.pid, worker: () => undefined });
    const concurrentUse = { seconds: Object.fromEntries(CPU_USERS.map((u) => [u, 0])) as Record<CpuUser, number>, wallSeconds: 0, requests: 0 };
    const results: QueryResult[] = [];
    let requests = 0;
    for (const { who, token, series } of plans) {
      for (const s of series) {
        const sequential = await timeSeries(http, token, s, config.requests, 1);
        const cpuAt = await meter.sample();
        const concurrent = await timeSeries(http, token, s, config.requests, config.connections);
        const used = coresBetween(cpuAt, await meter.sample());
        for (const u of CPU_USERS) concurrentUse.seconds[u] += used.cores[u] * used.wallSeconds;
        concurrentUse.wallSeconds += used.wallSeconds;
        concurrentUse.requests += concurrent.requests;
        requests += sequential.requests + concurrent.requests;
        results.push({ query: s.name, role: who.role, sequential, concurrent });
        log(`${who.role} ${s.name}: p99 ${sequential.p99.toFixed(1)} ms, ${config.connections}c p99 ${concurrent.p99.toFixed(1)} ms`);
      }
    }
    const apiCpuMsPerRequest = ((await processSeconds(api.pid)) - cpuBefore) * 1000 / requests;
    const after = loadavg();
    meter.close();
    await api.stop();

    const compare = process.env.BENCH_COMPARE !== 'false';
    log(compare ? 'comparing text-search methods on raw SQL' : 'BENCH_COMPARE=false: no method comparison, no insert cost');
    const methods = compare ? await compareSearchMethods(db, 10, log) : null;
    if (compare) log('measuring the insert cost of the list-query indexes');
    const insert = compare ? await insertCost(db, 200) : null;
    return render({ config, seed, results, methods, insert, load: { before, after }, apiCpuMsPerRequest, concurrentUse });
  } finally {
    http.close();
    await db.end();
  }
}

const config = queriesConfig();
runBench(config, config.deadlineSeconds, (world, services) => run(config, world, services));
