/** One Redis server (or Sentinel, or cluster seed node). */
export interface RedisNode {
  host: string;
  port: number;
}

interface RedisAuth {
  username?: string;
  password?: string;
  tls: boolean;
}

/**
 * Where the queues live, from REDIS_URL or REDIS_CLUSTER_NODES:
 * - `redis://[user:pass@]host:port[/db]` (or `rediss://`): one server;
 * - `redis+cluster://[user:pass@]host:port,host:port,…`: a Redis Cluster, by any of its nodes;
 * - `redis+sentinel://[user:pass@]host:port,host:port,…/<master name>[/db][?sentinelPassword=…]`:
 *   the master that the Sentinels name (credentials in the userinfo are the master's).
 */
export type RedisTarget =
  | ({ kind: 'standalone'; node: RedisNode; db: number } & RedisAuth)
  | ({ kind: 'cluster'; nodes: RedisNode[] } & RedisAuth)
  | ({ kind: 'sentinel'; sentinels: RedisNode[]; masterName: string; db: number; sentinelPassword?: string } & RedisAuth);

const SCHEMES: Record<string, { kind: RedisTarget['kind']; tls: boolean }> = {
  redis: { kind: 'standalone', tls: false },
  rediss: { kind: 'standalone', tls: true },
  'redis+cluster': { kind: 'cluster', tls: false },
  'rediss+cluster': { kind: 'cluster', tls: true },
  'redis+sentinel': { kind: 'sentinel', tls: false },
  'rediss+sentinel': { kind: 'sentinel', tls: true },
};

export class RedisTargetError extends Error {}

const fail = (message: string): never => {
  throw new RedisTargetError(message);
};

/** `host:port`, `host` (port 6379 or 26379 for Sentinels) or `[v6]:port`. */
export function parseRedisNode(text: string, defaultPort = 6379): RedisNode {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_.-]+))(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m) return fail(`"${text}" is not host:port`);
  const port = m[3] === undefined ? defaultPort : Number(m[3]);
  if (port < 1 || port > 65535) return fail(`port ${port} of "${text}" is out of range`);
  return { host: m[1] ?? m[2], port };
}

/** A comma-separated node list, as in REDIS_CLUSTER_NODES. */
export function parseRedisNodes(text: string, defaultPort = 6379): RedisNode[] {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return fail('names no host:port');
  return parts.map((p) => parseRedisNode(p, defaultPort));
}

function parseDb(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  if (!/^\d{1,2}$/.test(text)) return fail(`database "${text}" must be a number 0-15`);
  return Number(text);
}

/**
 * Parses a Redis URL of any of the three kinds. WHATWG URL cannot hold a host list, so the
 * authority is split by hand: `scheme://[userinfo@]hosts[/path][?query]`.
 */
export function parseRedisUrl(url: string): RedisTarget {
  const m = /^([a-z+]+):\/\/(?:([^@/?#]*)@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?$/.exec(url.trim());
  if (!m) return fail('must look like redis://host:port, redis+cluster://host:port,host:port or redis+sentinel://host:port,…/<master name>');
  const scheme = SCHEMES[m[1]];
  if (!scheme) return fail(`must start with ${Object.keys(SCHEMES).map((s) => `${s}://`).join(', ')}`);
  const [user, pass] = m[2] === undefined ? [] : m[2].split(/:(.*)/s, 2);
  const auth: RedisAuth = {
    username: user ? decodeURIComponent(user) : undefined,
    password: pass ? decodeURIComponent(pass) : undefined,
    tls: scheme.tls,
  };
  const path = (m[4] ?? '').split('/').filter(Boolean);
  const query = new URLSearchParams(m[5] ?? '');
  switch (scheme.kind) {
    case 'standalone': {
      const nodes = parseRedisNodes(m[3]);
      if (nodes.length !== 1) fail('redis:// names one server; use redis+cluster:// or redis+sentinel:// for several');
      if (path.length > 1) fail('the path may only be the database number');
      return { kind: 'standalone', node: nodes[0], db: parseDb(path[0]), ...auth };
    }
    case 'cluster':
      if (path.length > 0) fail('a cluster has no database number or path');
      return { kind: 'cluster', nodes: parseRedisNodes(m[3]), ...auth };
    case 'sentinel': {
      if (path.length < 1 || path.length > 2) fail('the path must be /<master name> or /<master name>/<db>');
      const sentinelPassword = query.get('sentinelPassword') ?? undefined;
      return { kind: 'sentinel', sentinels: parseRedisNodes(m[3], 26379), masterName: decodeURIComponent(path[0]), db: parseDb(path[1]), sentinelPassword, ...auth };
    }
  }
}
