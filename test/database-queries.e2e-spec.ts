import { queryPrepared, queryRows } from '@enterpark/database';
import { TestContext } from '@enterpark/testing';

/** The two ways the service runs its own SQL through TypeORM's pool: on the transaction's connection when given one, and always giving the connection back. */
describe('queryRows and queryPrepared', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.sql(`CREATE TABLE query_probe (n int PRIMARY KEY)`);
  });
  afterAll(() => ctx.close());

  it('reads within the transaction it is given, and from the pool otherwise', async () => {
    await expect(
      ctx.dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO query_probe (n) VALUES (1)`);
        expect(await queryRows(manager, `SELECT n FROM query_probe WHERE n = $1`, [1])).toEqual([{ n: 1 }]);
        expect(await queryPrepared(manager, `SELECT n FROM query_probe WHERE n = $1`, [1])).toEqual([{ n: 1 }]);
        expect(await queryRows(ctx.dataSource, `SELECT n FROM query_probe WHERE n = $1`, [1])).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await queryRows(ctx.dataSource, `SELECT count(*)::int AS c FROM query_probe`, [])).toEqual([{ c: 0 }]);
  });

  it('prepares one statement per text on a connection, however often it runs', async () => {
    const text = `SELECT n FROM query_probe WHERE n > $1 ORDER BY n`;
    const statements = await ctx.dataSource.transaction(async (manager) => {
      for (let i = 0; i < 3; i++) await queryPrepared(manager, text, [i]);
      return manager.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text]);
    });
    expect(statements).toEqual([{ name: expect.stringMatching(/^ep_[0-9a-f]{20}$/) }]);
  });

  it('rejects with the database error and gives the connection back, however many fail', async () => {
    const failures = await Promise.allSettled(Array.from({ length: 40 }, () => queryRows(ctx.dataSource, `SELECT $1::uuid AS id`, ['not-a-uuid'])));
    expect(failures.map((f) => (f.status === 'rejected' ? (f.reason as { code?: string }).code : 'fulfilled'))).toEqual(Array(40).fill('22P02'));
    expect(await queryRows(ctx.dataSource, `SELECT 1 AS one`, [])).toEqual([{ one: 1 }]);
  });
});
