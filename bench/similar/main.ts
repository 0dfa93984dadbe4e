import 'reflect-metadata';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { HELD_OUT, judge, LABELLED_ZONES, LabelledDemand, LabelledTicket, TUNING } from '../../test/fixtures/similar-demands';
import { log, runBench } from '../intake/harness';
import { HttpClient } from '../intake/http';
import { login } from '../intake/seed';
import { API_SCRIPT, BenchWorld, createDatabase, freePort, Service, serviceEnv, waitReady } from '../intake/services';
import { similarConfig, SimilarBenchConfig } from './config';
import { timeInterleaved } from './measure';
import { compareMethods, FiledDemand } from './methods';
import { render } from './report';
import { seedGenerated, SeedResult } from './seed';

/**
 * bench/similar: the labelled demands filed through the API, the ranking methods compared on
 * them, then BENCH_TICKETS generated tickets (default 1,000,000) seeded beside them, and
 * GET /tickets/{id}/similar timed against GET /tickets/{id} on the same ids, one client and
 * BENCH_CONCURRENCY clients, plus the held-out precision/recall at that scale. The API runs as
 * its own process (no worker: nothing here needs one). Progress to stderr, the table to stdout.
 */
async function fileLabelled(http: HttpClient, token: string): Promise<{ filed: FiledDemand[]; zoneIds: string[] }> {
  const heldOut = new Set(HELD_OUT);
  const all: LabelledDemand[] = [...TUNING, ...HELD_OUT];
  const filed: FiledDemand[] = [];
  const zoneIds: string[] = [];
  for (const [i, zone] of LABELLED_ZONES.entries()) {
    const { id: zoneId } = await http.expect(201, 'POST', '/api/v1/zones', { code: `similar-${i}`, name: zone.name, level: 'national', city: zone.city, province: zone.province }, token);
    zoneIds.push(zoneId);
    const demands = all.filter((d) => d[1] === zone.name);
    const items = demands.map(([, , type, title, description, tags]) => ({ type, title, description, tags }));
    const list = await http.expect(201, 'POST', '/api/v1/demand-lists', { title: `${zone.name}需求清单`, zoneId, items }, token);
    list.tickets.forEach((t: { id: string }, j: number) => {
      const d = demands[j];
      filed.push({ id: t.id, kind: d[0], type: d[2], title: d[3], heldOut: heldOut.has(d), demand: d });
    });
  }
  return { filed, zoneIds };
}

async function run(config: SimilarBenchConfig, world: BenchWorld, services: Service[]): Promise<string> {
  log(`database ${world.databaseName}`);
  await createDatabase(config, world);
  const db = new Pool({ connectionString: world.databaseUrl, max: 2, application_name: 'bench-similar' });
  db.on('error', () => undefined);
  const port = await freePort();
  const api = Service.start('api', API_SCRIPT, serviceEnv(config, world, port));
  services.push(api);
  const http = new HttpClient(`http://127.0.0.1:${port}`, config.concurrency);
  try {
    await waitReady(`http://127.0.0.1:${port}`, api, 30_000);
    const token = await login(http, world.adminEmail, world.adminPassword);
    const { filed, zoneIds } = await fileLabelled(http, token);
    log(`filed ${filed.length} labelled demands; comparing ranking methods`);
    const methods = await compareMethods(db, filed);

    let seed: SeedResult | null = null;
    if (config.tickets > 0) {
      const [{ id: adminId }] = (await db.query(`SELECT id FROM app_user WHERE email = $1`, [world.adminEmail])).rows;
      log(`seeding ${config.tickets} generated tickets`);
      seed = await seedGenerated(db, adminId, zoneIds, config.tickets, log);
      log(`seeded in ${seed.seconds.toFixed(0)} s`);
    }
    const corpus = (await db.query(`SELECT count(*)::int AS n FROM ticket_terms`)).rows[0].n;
    const ids = (await db.query(`SELECT ticket_id FROM ticket_terms TABLESAMPLE SYSTEM (1) REPEATABLE (42) LIMIT $1`, [config.requests])).rows.map((r) => r.ticket_id as string);
    while (ids.length < config.requests) ids.push(filed[ids.length % filed.length].id);
    const paths = (suffix: string) => ids.map((id) => `/api/v1/tickets/${id}${suffix}`);

    log('warming up');
    await timeInterleaved(http, token, [paths('').slice(0, 50), paths('/similar?limit=5').slice(0, 50)], 1);
    const before = loadavg();
    const phases = [];
    for (const clients of [1, config.concurrency]) {
      log(`timing with ${clients} client(s)`);
      const [baseline, similar] = await timeInterleaved(http, token, [paths(''), paths('/similar?limit=5')], clients);
      phases.push({ name: clients === 1 ? 'sequential' : `${clients} clients`, clients, baseline, similar });
    }
    const after = loadavg();

    log('held-out queries at scale');
    const answers = new Map<string, string[]>();
    for (const q of filed.filter((f) => f.heldOut)) {
      answers.set(q.id, (await http.expect(200, 'GET', `/api/v1/tickets/${q.id}/similar?limit=3`, undefined, token)).items.map((i: { ticketId: string }) => i.ticketId));
    }
    const answered = [...new Set([...answers.values()].flat())].filter((id) => !filed.some((f) => f.id === id));
    const generated: LabelledTicket[] = (await db.query(`SELECT id, demand_list_id, type, title FROM ticket WHERE id = ANY ($1::uuid[])`, [answered])).rows.map((r) => ({
      id: r.id,
      kind: seed?.kindOfList.get(r.demand_list_id) ?? '?',
      type: r.type,
      title: r.title,
    }));
    const atScale = judge(filed.filter((f) => f.heldOut), [...filed, ...generated], answers);
    return render({ config, runId: world.runId, corpus, seed, methods, phases, atScale, load: { before, after } });
  } finally {
    http.close();
    await db.end();
  }
}

const config = similarConfig();
runBench(config, config.deadlineSeconds, (world, services) => run(config, world, services));
