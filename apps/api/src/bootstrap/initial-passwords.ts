import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { columns, pad } from './terminal-columns';

/** The demo accounts share one password; the summary and the file name them together. */
export const OTHER_DEMO_ACCOUNTS = '其余演示账号';

export interface GeneratedPassword {
  /** An email, or OTHER_DEMO_ACCOUNTS. */
  who: string;
  password: string;
}

/** `cat <file>`, quoted for a POSIX shell when the path needs it. */
export function readCommand(file: string): string {
  return /^[\w./-]+$/.test(file) ? `cat ${file}` : `cat '${file.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes the passwords the first start generated to `file`, readable and writable by its owner
 * only (0600), never to the log: logs are shipped, kept and read by more people than the
 * operator. A file left from an earlier database is replaced (created anew, so that its mode holds).
 */
export function writeInitialPasswords(file: string, generated: GeneratedPassword[]): void {
  const width = Math.max(...generated.map((g) => columns(g.who))) + 2;
  const text = [
    '# EnterPark 进园区服务平台：首次启动时生成的初始密码（仅本文件的所有者可读）',
    '# 请保存到密码管理器后删除本文件；设置了 BOOTSTRAP_ADMIN_PASSWORD / DEMO_PASSWORD 的账号不在此列。',
    ...generated.map((g) => `${pad(g.who, width)}${g.password}`),
    '',
  ].join('\n');
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
}
