import { TestContext } from '@enterpark/testing';

/**
 * Every index costs each write of its table (a ticket's row is written again at routing,
 * acceptance and proposal, each a new entry in every index), so no index may repeat another
 * on the same table: the same columns in the same order, the same expressions and the same
 * predicate. A unique constraint's index counts: a plain index beside it is pure cost.
 */
describe('the migrated schema', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('has no index that repeats another index of its table', async () => {
    const duplicates: { table: string; indexes: string }[] = await ctx.sql(
      `SELECT c.relname AS table, string_agg(i.indexrelid::regclass::text, ', ' ORDER BY i.indexrelid::regclass::text) AS indexes
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        GROUP BY c.relname, i.indkey::text, i.indclass::text, i.indoption::text,
                 coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), ''),
                 (SELECT amname FROM pg_am a JOIN pg_class ic ON ic.relam = a.oid WHERE ic.oid = i.indexrelid)
       HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
  });
});
