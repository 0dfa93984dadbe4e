import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';

/**
 * docker/compose.yaml cannot be started here (no images can be pulled), so its invariants are
 * read from the file: no secret with a default, health checks, the replicas, the proxy's SSE route.
 */
const DOCKER = join(__dirname, '..', 'docker');
// Compose resolves `<<: *app` merge keys; js-yaml 5 does with the merge tag added to its schema.
const compose = load(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as { services: Record<string, any> };
const nginx = readFileSync(join(DOCKER, 'nginx.conf'), 'utf8');
const { postgres, redis, api, worker, proxy } = compose.services;
const SECRETS = ['POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'JWT_SECRET', 'BOOTSTRAP_ADMIN_PASSWORD'];

/** Every `${NAME…}` interpolation of a secret anywhere in the file, with its operator. */
function interpolations(text: string): { name: string; operator: string }[] {
  return [...text.matchAll(/\$\{([A-Z_]+)(:?[-?+]?)?[^}]*\}/g)].map((m) => ({ name: m[1], operator: m[2] ?? '' }));
}

describe('docker/compose.yaml', () => {
  it('runs PostgreSQL, Redis, two API and two worker replicas and the proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis', 'worker']);
    expect(api.deploy.replicas).toBe(2);
    expect(worker.deploy.replicas).toBe(2);
    expect(worker.command.join(' ')).toContain('dist/apps/worker/src/main.js');
  });

  it('starts the API and the worker as package.json start:api and start:worker do (their heap caps included)', () => {
    const scripts = JSON.parse(readFileSync(join(DOCKER, '..', 'package.json'), 'utf8')).scripts;
    for (const [service, script] of [[api, 'start:api'], [worker, 'start:worker']] as const) {
      expect(scripts[script]).toMatch(/--max-old-space-size=\d+ /);
      expect(service.command.join(' ')).toBe(scripts[script]);
    }
    // The image's default command is the API's.
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(DOCKER, 'Dockerfile'), 'utf8'))?.[1] ?? '[]';
    expect((JSON.parse(cmd) as string[]).join(' ')).toBe(scripts['start:api']);
  });

  it('takes every secret from the environment and refuses to start without it (no default)', () => {
    const raw = readFileSync(join(DOCKER, 'compose.yaml'), 'utf8');
    const secrets = interpolations(raw).filter((i) => SECRETS.includes(i.name));
    expect(new Set(secrets.map((s) => s.name))).toEqual(new Set(SECRETS));
    for (const s of secrets) expect({ name: s.name, operator: s.operator }).toEqual({ name: s.name, operator: ':?' });
    // No literal password anywhere: the URLs carry only interpolated secrets.
    expect(api.environment.DATABASE_URL).toMatch(/^postgres:\/\/enterpark:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/enterpark$/);
    expect(api.environment.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
    expect(postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(redis.command.join(' ')).toContain('--requirepass "$$REDIS_PASSWORD"');
  });

  it('runs the service in production, migrating under the advisory lock at each replica\'s start', () => {
    for (const app of [api, worker]) {
      expect(app.environment).toMatchObject({ NODE_ENV: 'production', MIGRATIONS_RUN: 'true' });
      expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
  });

  it('checks health: the API on /health/ready, the proxy through itself, the servers with their own tools', () => {
    expect(api.healthcheck.test.join(' ')).toContain('http://127.0.0.1:3000/health/ready');
    expect(proxy.healthcheck.test.join(' ')).toContain('http://127.0.0.1:8080/health/ready');
    expect(proxy.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(postgres.healthcheck.test).toContain('pg_isready');
    expect(redis.healthcheck.test.join(' ')).toContain('redis-cli ping');
    // Redis keeps the queues across a restart and never evicts a job.
    expect(redis.command.join(' ')).toMatch(/--appendonly yes .*--maxmemory-policy noeviction/);
  });
});

describe('docker/nginx.conf', () => {
  it('balances the API replicas, re-resolving them as they come and go', () => {
    expect(nginx).toMatch(/upstream enterpark_api \{[^}]*server api:3000 resolve/);
    expect(nginx).toMatch(/resolver 127\.0\.0\.11/);
    expect(proxy.volumes).toContain('./nginx.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  it('passes the ticket stream unbuffered and keeps it open', () => {
    const stream = /location = \/api\/v1\/tickets\/stream \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(stream).toContain('proxy_pass http://enterpark_api;');
    expect(stream).toMatch(/proxy_buffering off;/);
    expect(stream).toMatch(/proxy_read_timeout 1h;/);
  });
});
