import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

interface PgResult {
  rows: unknown[];
}

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }, callback: (error: Error | null, result: PgResult) => void): void;
}

const names = new Map<string, string>();

/** A statement's name on every connection: from its text, so one text is one statement and two texts never share a name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `ep_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement prepared once per connection: after a few runs PostgreSQL keeps a generic
 * plan and plans it no more. For the statements each ticket's way through the service runs
 * (one ticket at a time, joins over `ticket` and its twenty indexes, most of them partial)
 * planning cost 2–8× executing, about 2 ms of PostgreSQL's CPU per ticket in bench:matching.
 * Inside a transaction pass its manager: the statement runs on that connection.
 *
 * `text` must be a constant of the code with every value a parameter: each distinct text
 * becomes a statement that every connection keeps.
 */
export function queryPrepared<T>(on: DataSource | EntityManager, text: string, values: unknown[]): Promise<T[]> {
  return run<T>(on, { name: nameOf(text), text, values });
}

/**
 * Runs a statement planned for its values (a list page, whose best plan depends on the filter),
 * as `queryPrepared` does otherwise. For the reads that return many rows.
 */
export function queryRows<T>(on: DataSource | EntityManager, text: string, values: unknown[]): Promise<T[]> {
  return run<T>(on, { text, values });
}

async function run<T>(on: DataSource | EntityManager, config: { name?: string; text: string; values: unknown[] }): Promise<T[]> {
  const transaction = on instanceof EntityManager ? on.queryRunner : undefined;
  const runner = transaction ?? (on instanceof EntityManager ? on.connection : on).createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    // pg's callback API, not its promise: the promise pg returns is chained through a `.catch`,
    // and with it every result lived through two young-generation collections into V8's old
    // generation (the API under bench:queries' 50-ticket pages: 1.4 MB promoted and a 3.7 ms
    // pause every 16 pages; by the callback 0.12 MB and 1.2 ms).
    return await new Promise<T[]>((resolve, reject) => client.query(config, (error, result) => (error ? reject(error) : resolve(result.rows as T[]))));
  } finally {
    if (!transaction) await runner.release();
  }
}
