import { Pool } from 'pg';
import { IsoWeek, Role, ServiceType } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { DigestComposer, DigestRecipient } from '@enterpark/digests';
import { createApiApp } from '../../apps/api/src/api-app';
import { percentile } from '../intake/load';

export interface ComposePhase {
  /** The week's shared figures (province, desks) and the compiled templates, computed once. */
  prepareMs: number;
  stats: ComposeStats[];
}

export interface ComposeStats {
  role: Role | 'all';
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  htmlKb: number;
}

async function loadRecipients(db: Pool): Promise<DigestRecipient[]> {
  const { rows } = await db.query<{ id: string; email: string; name: string; role: Role; zoneId: string | null; desks: ServiceType[] }>(
    `SELECT u.id, u.email, u.name, u.role, u.zone_id AS "zoneId",
            coalesce(array_agg(m.desk ORDER BY m.desk) FILTER (WHERE m.desk IS NOT NULL), '{}') AS desks
       FROM app_user u LEFT JOIN desk_member m ON m.user_id = u.id
      GROUP BY u.id ORDER BY u.id`,
  );
  return rows;
}

/**
 * Every recipient's digest composed one after another in this process (the service's own
 * DigestComposer on the seeded database, nothing stored or sent): per-recipient latency,
 * after the week's shared figures are prepared once, as a run prepares them.
 * Loads its recipients after the app's boot, which creates the bootstrap coordinator.
 */
export async function composeAll(config: AppConfig, db: Pool, week: IsoWeek, signal: AbortSignal): Promise<ComposePhase> {
  const app = await createApiApp(config, { shutdownHooks: false });
  await app.init();
  try {
    const recipients = await loadRecipients(db);
    const composer = app.get(DigestComposer);
    // As a run does before its compose jobs: the week's shared province and desk figures, once.
    const prepareStarted = Date.now();
    await composer.prepare(week);
    const prepareMs = Date.now() - prepareStarted;
    const samples: { role: Role; ms: number; bytes: number }[] = [];
    for (const recipient of recipients) {
      signal.throwIfAborted();
      const started = process.hrtime.bigint();
      const digest = await composer.compose(recipient, week);
      samples.push({ role: recipient.role, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: Buffer.byteLength(digest.html) });
    }
    const roles: (Role | 'all')[] = ['zone_manager', 'desk_staff', 'coordinator', 'viewer', 'all'];
    const stats = roles
      .map((role) => {
        const of = samples.filter((s) => role === 'all' || s.role === role);
        const ms = of.map((s) => s.ms);
        return {
          role,
          count: of.length,
          p50Ms: percentile(ms, 0.5),
          p95Ms: percentile(ms, 0.95),
          p99Ms: percentile(ms, 0.99),
          maxMs: Math.max(...ms),
          htmlKb: of.reduce((sum, s) => sum + s.bytes, 0) / Math.max(1, of.length) / 1024,
        };
      })
      .filter((s) => s.count > 0);
    return { prepareMs, stats };
  } finally {
    await app.close();
  }
}
