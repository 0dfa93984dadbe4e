import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CONSOLE_SOURCES = ['apps/console/src', 'apps/console/public', 'apps/console/index.html', 'apps/console/vite.config.mts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/**
 * Builds the console into `consoleDir` when its sources are newer than the build (or there is
 * none), so that browser tests run against the code under test even without `npm test`'s build.
 */
export function ensureConsoleBuilt(root: string, consoleDir = 'dist/console'): void {
  const index = join(root, consoleDir, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built >= Math.max(...CONSOLE_SOURCES.map((p) => newestMtime(join(root, p))))) return;
  console.warn('[tests] building the console (dist/console is missing or older than apps/console)');
  // Jest sets NODE_ENV=test, which would give a development build (React's dev bundle, antd's fixed
  // "test-id" element ids that break aria-labelledby): build what `npm run build` builds.
  execFileSync('npm', ['run', 'build:console', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
