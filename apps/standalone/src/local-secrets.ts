import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  jwtSecret: string;
  postgresPassword: string;
}

/** Secrets of the embedded default, made on first start and kept (mode 0600) under the data folder. */
export function localSecrets(dataRoot: string): LocalSecrets {
  const file = join(dataRoot, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  mkdirSync(dataRoot, { recursive: true });
  const secrets = { jwtSecret: randomBytes(48).toString('base64url'), postgresPassword: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
