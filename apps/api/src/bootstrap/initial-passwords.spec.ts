import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeInitialPasswords } from './initial-passwords';

describe('the initial passwords file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'initial-passwords-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is readable by its owner only, and lists each generated password', () => {
    const file = join(dir, '.data', 'initial-passwords.txt');
    writeInitialPasswords(file, [
      { who: 'admin@enterpark.local', password: 'Adm1n-generated' },
      { who: '其余演示账号', password: 'Dem0-generated' },
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^admin@enterpark\.local +Adm1n-generated$/m);
    expect(text).toMatch(/^其余演示账号 +Dem0-generated$/m);
  });

  it('replaces a file left from an earlier database, mode included', () => {
    const file = join(dir, 'initial-passwords.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o644);
    writeInitialPasswords(file, [{ who: 'admin@enterpark.local', password: 'New-passw0rd' }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('old');
  });
});
