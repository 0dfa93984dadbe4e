import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Production refuses to start with a weak JWT_SECRET: each deployable entry point (built in
 * dist/, as `npm test` does first) exits non-zero before touching anything, naming the setting.
 */
const ENTRIES = ['api', 'worker', 'standalone'].map((app) => [app, join(__dirname, '..', 'dist', 'apps', app, 'src', 'main.js')] as const);

function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const inherited = { ...process.env };
  delete inherited.JWT_SECRET;
  delete inherited.NODE_ENV;
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [entry], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('a weak JWT_SECRET in production', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'enterpark-weak-secret-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(ENTRIES)('stops %s with a non-zero exit naming JWT_SECRET', async (_app, entry) => {
    const { code, output } = await run(entry, { NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32), DATA_DIR: dataDir, LOG_PRETTY: 'false' });
    expect(code).toBe(1);
    expect(output).toMatch(/JWT_SECRET: has too little entropy/);
    expect(output).not.toContain('a'.repeat(32)); // the refused secret is not printed
  });
});
