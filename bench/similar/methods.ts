import { Pool } from 'pg';
import { frequenciesOf, rankBySimilarity, Segmenter, TermDocument } from '@enterpark/similarity';
import { judge, Judged, LabelledDemand, LabelledTicket } from '../../test/fixtures/similar-demands';

export interface FiledDemand extends LabelledTicket {
  heldOut: boolean;
  demand: LabelledDemand;
}

export interface MethodResult {
  method: string;
  tuning: Judged;
  heldOut: Judged;
}

const textOf = (d: LabelledDemand) => [d[3], d[4], ...d[5]].join(' ');

function bigrams(d: LabelledDemand): TermDocument {
  const grams = (s: string) => (s.match(/\p{Script=Han}+/gu) ?? []).flatMap((run) => Array.from({ length: Math.max(run.length - 1, 0) }, (_, i) => run.slice(i, i + 2)));
  const title = new Set([...grams(d[3]), ...d[5].flatMap(grams)]);
  const rest = new Set(grams(d[4]).filter((g) => !title.has(g)));
  return { terms: [...title, ...rest], titleTerms: title.size };
}

type Ranker = (query: FiledDemand, corpus: FiledDemand[]) => Promise<string[]>;

function inMemory(toDoc: (d: LabelledDemand) => TermDocument): Ranker {
  const docs = new Map<LabelledDemand, TermDocument>();
  const docOf = (f: FiledDemand) => docs.get(f.demand) ?? docs.set(f.demand, toDoc(f.demand)).get(f.demand)!;
  return async (query, corpus) => {
    const frequencies = frequenciesOf(corpus.map(docOf));
    return rankBySimilarity(docOf(query), corpus.filter((c) => c.id !== query.id), docOf, frequencies, 3).map((r) => r.item.id);
  };
}

/** PostgreSQL's own: trigram similarity (pg_trgm) and full text with the `simple` configuration, over title, description and tags. */
async function inDatabase(db: Pool, filed: FiledDemand[]): Promise<Record<string, Ranker>> {
  await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  await db.query(`CREATE TABLE bench_labelled (id uuid PRIMARY KEY, doc text NOT NULL)`);
  await db.query(`INSERT INTO bench_labelled SELECT * FROM unnest($1::uuid[], $2::text[])`, [filed.map((f) => f.id), filed.map((f) => textOf(f.demand))]);
  const run = (sql: string): Ranker => async (query, corpus) =>
    (await db.query<{ id: string }>(sql, [query.id, corpus.map((c) => c.id)])).rows.map((r) => r.id);
  return {
    'pg_trgm similarity': run(
      `SELECT c.id FROM bench_labelled c, bench_labelled q WHERE q.id = $1 AND c.id <> q.id AND c.id = ANY ($2::uuid[])
        ORDER BY similarity(c.doc, q.doc) DESC, c.id LIMIT 3`,
    ),
    'full text (simple)': run(
      `WITH q AS (SELECT to_tsquery('simple', coalesce(nullif(array_to_string(ARRAY(
                     SELECT quote_literal(l) FROM unnest(tsvector_to_array(to_tsvector('simple', doc))) l), ' | '), ''), 'x')) AS query
                    FROM bench_labelled WHERE id = $1)
       SELECT c.id FROM bench_labelled c, q WHERE c.id <> $1 AND c.id = ANY ($2::uuid[]) AND to_tsvector('simple', c.doc) @@ q.query
        ORDER BY ts_rank(to_tsvector('simple', c.doc), q.query) DESC, c.id LIMIT 3`,
    ),
  };
}

async function evaluate(rank: Ranker, filed: FiledDemand[]): Promise<{ tuning: Judged; heldOut: Judged }> {
  const tuningPart = filed.filter((f) => !f.heldOut);
  const parts = { tuning: [tuningPart, tuningPart], heldOut: [filed.filter((f) => f.heldOut), filed] } as const;
  const out = {} as { tuning: Judged; heldOut: Judged };
  for (const [name, [queries, corpus]] of Object.entries(parts) as ['tuning' | 'heldOut', readonly [FiledDemand[], FiledDemand[]]][]) {
    const answers = new Map<string, string[]>();
    for (const q of queries) answers.set(q.id, await rank(q, corpus));
    out[name] = judge(queries, corpus, answers);
  }
  return out;
}

/**
 * The labelled set ranked by each method the issue names, on the same definitions as the
 * e2e test: the tuning part leave-one-out, and the held-out queries against both parts.
 * The methods differ only in how text becomes terms and how pairs are scored.
 */
export async function compareMethods(db: Pool, filed: FiledDemand[]): Promise<MethodResult[]> {
  const plain = Segmenter.withoutThesaurus();
  const rankers: Record<string, Ranker> = {
    'jieba + thesaurus, IDF cosine (chosen)': inMemory((d) => Segmenter.shared().document({ title: d[3], description: d[4], tags: d[5] })),
    'jieba, IDF cosine': inMemory((d) => plain.document({ title: d[3], description: d[4], tags: d[5] })),
    'character bigrams, IDF cosine': inMemory(bigrams),
    ...(await inDatabase(db, filed)),
  };
  const results: MethodResult[] = [];
  for (const [method, rank] of Object.entries(rankers)) results.push({ method, ...(await evaluate(rank, filed)) });
  return results;
}
