import 'reflect-metadata';
import * as argon2 from 'argon2';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { parseIsoWeek } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { log, runBench } from '../intake/harness';
import { HttpClient } from '../intake/http';
import { login } from '../intake/seed';
import { API_SCRIPT, BenchWorld, createDatabase, freePort, Service, serviceEnv, waitReady, WORKER_SCRIPT } from '../intake/services';
import { CpuMeter } from '../matching/cpu';
import { composeAll } from './compose-phase';
import { digestConfig, DigestBenchConfig } from './config';
import { deliverWeek, rawSmtp } from './deliver-phase';
import { render } from './report';
import { seedProvince } from './seed';
import { SmtpSink } from './smtp-sink';

/**
 * bench/digest: a province's half year (1,000,000 tickets, 2,500 zones, 3,000 recipients by
 * default), then one week's digests: composed one by one in-process for per-recipient
 * latency, then run for real (API and worker processes) and delivered to a local SMTP sink,
 * against a raw nodemailer send of as many messages of the same size measured in the same run.
 * Progress goes to stderr, the table to stdout.
 */
async function run(config: DigestBenchConfig, world: BenchWorld, services: Service[], deadline: number, signal: AbortSignal): Promise<string> {
  const week = parseIsoWeek(config.week);
  if (!week) throw new Error(`BENCH_WEEK must be an ISO week such as 2026-W47, got ${config.week}`);
  log(`database ${world.databaseName}, queue prefix ${world.queuePrefix}`);
  await createDatabase(config, world);
  const db = new Pool({ connectionString: world.databaseUrl, max: 2, application_name: 'bench-measure' });
  db.on('error', () => undefined);
  const sink = await SmtpSink.start();
  try {
    const admin = { email: world.adminEmail, passwordHash: await argon2.hash(world.adminPassword, { type: argon2.argon2id }) };
    const seed = await seedProvince(db, config, admin, week, log);
    log(`seeded ${seed.tickets} tickets, ${seed.users} recipients in ${seed.seconds.toFixed(0)} s`);

    const port = await freePort();
    const env = { ...serviceEnv(config, world, port), SMTP_URL: sink.url, MAIL_SEND_CONCURRENCY: String(config.sendConcurrency), MAIL_FROM: '进园区服务平台 <noreply@bench.test>' };
    const appConfig = AppConfig.fromEnv({}, { ...env, LOG_LEVEL: 'warn' });
    log('compose phase: every recipient, one after another');
    const compose = await composeAll(appConfig, db, week, signal);
    log(`compose phase: p99 ${compose.stats.find((c) => c.role === 'all')!.p99Ms.toFixed(1)} ms`);

    const api = Service.start('api', API_SCRIPT, env);
    const worker = Service.start('worker', WORKER_SCRIPT, env);
    services.push(api, worker);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitReady(baseUrl, api, 30_000);
    const http = new HttpClient(baseUrl, 4);
    const meter = new CpuMeter(db, config.redisUrl, { api: () => api.pid, worker: () => worker.pid });
    try {
      const token = await login(http, world.adminEmail, world.adminPassword);
      log('delivery phase: POST /digests/runs');
      const delivery = await deliverWeek(http, token, db, sink, meter, config.week, Math.max(10_000, deadline - Date.now() - 60_000), signal);
      const loadAverage = loadavg(); // the delivery's own minute, before anything else runs
      log(`delivery phase: ${delivery.planned - delivery.skipped} digests sent in ${delivery.deliveredSeconds.toFixed(1)} s`);
      await Promise.all([api.stop(), worker.stop()]);
      log('baseline: raw nodemailer send');
      const raw = await rawSmtp(db, sink, config.week, env.MAIL_FROM, config.sendConcurrency, meter);
      return render({ config, runId: world.runId, seed, compose, delivery, raw, loadAverage });
    } finally {
      meter.close();
      http.close();
    }
  } finally {
    await sink.close();
    await db.end();
  }
}

const config = digestConfig();
runBench(config, config.deadlineSeconds, (world, services, deadline, signal) => run(config, world, services, deadline, signal));
