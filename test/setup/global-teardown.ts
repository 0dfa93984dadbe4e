import { currentTestRun, deleteRedisKeys, withAdmin } from '@enterpark/testing';

/** Drops every database and key this run made, even those of test files that crashed. */
export default async function globalTeardown(): Promise<void> {
  const run = currentTestRun();
  await withAdmin(run.adminUrl, async (c) => {
    const rows = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `ep_test_${run.runId}_%`,
      run.templateDatabase,
    ]);
    for (const { datname } of rows.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  await deleteRedisKeys(run.redisUrl, `{ep-test-${run.runId}`);
  const stops = (globalThis as { __enterparkStops?: (() => Promise<void>)[] }).__enterparkStops ?? [];
  for (const stop of stops) await stop();
}
