import { createServer, Server, Socket } from 'node:net';
import Redis from 'ioredis';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { InvalidInputError } from '@enterpark/common';
import { unavailableBackend } from './unavailable';

/** An error as the PostgreSQL server sends it (pg parses it into this class). */
function pgError(code: string, message: string): DatabaseError {
  return Object.assign(new DatabaseError(message, message.length, 'error'), { code, severity: 'FATAL' });
}

/** What TypeORM throws for a query the driver refused. */
function typeorm(driverError: Error): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], driverError);
}

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

describe('unavailableBackend: an outage of a backing service, told from a failure of the request', () => {
  it.each([
    ['pg: the server stops (pg_ctl stop, failover)', pgError('57P01', 'terminating connection due to administrator command'), 'database'],
    ['pg: the server crashed', pgError('57P02', 'terminating connection because of crash of another server process'), 'database'],
    ['pg: starting up', pgError('57P03', 'the database system is starting up'), 'database'],
    ['pg: too many clients', pgError('53300', 'sorry, too many clients already'), 'database'],
    ['pg: connection failure (class 08)', pgError('08006', 'connection failure'), 'database'],
    ['TypeORM wrapping an admin shutdown', typeorm(pgError('57P01', 'terminating connection due to administrator command')), 'database'],
    ['a refused connection', socketError('ECONNREFUSED'), 'database'],
    ['a reset connection', socketError('ECONNRESET'), 'database'],
    ['refused on every address of the host (AggregateError)', Object.assign(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]), { code: 'ECONNREFUSED' }), 'database'],
    ['pg: the connection dropped mid-query', new Error('Connection terminated unexpectedly'), 'database'],
    ['pg: connect timed out', new Error('Connection terminated due to connection timeout'), 'database'],
    ['pg-pool: no connection within the timeout', new Error('timeout exceeded when trying to connect'), 'database'],
    ['pg: connecting took too long', new Error('timeout expired'), 'database'],
    ['pg: a client that saw an error', new Error('Client has encountered a connection error and is not queryable'), 'database'],
    ['an error whose cause is the outage', new Error('transaction failed', { cause: new Error('Connection terminated unexpectedly') }), 'database'],
    ['ioredis: retries per request used up', new MaxRetriesPerRequestError(1), 'redis'],
    ['ioredis: no offline queue', new Error("Stream isn't writeable and enableOfflineQueue options is false"), 'redis'],
    ['ioredis: the client is closed', new Error('Connection is closed.'), 'redis'],
    ['Redis loading its data after a restart', new Error('LOADING Redis is loading the dataset in memory'), 'redis'],
    ['Redis: a read-only replica after a failover', new Error("READONLY You can't write against a read only replica."), 'redis'],
  ])('%s → %s', (_name, error, expected) => {
    expect(unavailableBackend(error)).toBe(expected);
  });

  it.each([
    ['a unique violation', typeorm(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['an undefined table (a bug, not an outage)', typeorm(pgError('42P01', 'relation "x" does not exist'))],
    ['a protocol violation', pgError('08P01', 'invalid message format')],
    ['a domain error', new InvalidInputError('请求无效')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'boom'],
    ['nothing', null],
  ])('%s → null', (_name, error) => {
    expect(unavailableBackend(error)).toBeNull();
  });
});

describe('unavailableBackend on the errors the drivers really raise', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let closedPort: number;

  beforeAll(async () => {
    // A port nobody listens on, and a server that accepts connections and never answers.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => silent.close(r));
  });

  const failure = (attempt: () => Promise<unknown>) => attempt().then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

  it('pg: connecting to a stopped server', async () => {
    const error = await failure(() => new Client({ host: '127.0.0.1', port: closedPort }).connect());
    expect(unavailableBackend(error)).toBe('database');
  });

  it('pg: a server that does not answer within the connection timeout', async () => {
    const port = (silent.address() as { port: number }).port;
    const error = await failure(() => new Client({ host: '127.0.0.1', port, connectionTimeoutMillis: 200 }).connect());
    expect(unavailableBackend(error)).toBe('database');
  });

  it('ioredis as the API configures it (no offline queue): a command while Redis is away', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: closedPort, enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
    redis.on('error', () => undefined);
    const error = await failure(() => redis.get('x'));
    redis.disconnect();
    expect(unavailableBackend(error)).toBe('redis');
  });
});
