import { frequenciesOf, rankBySimilarity, Segmenter } from '@enterpark/similarity';
import { HELD_OUT, judge, LabelledDemand, TUNING } from '../../test/fixtures/similar-demands';

/**
 * The tuning loop, in memory: every tuning demand against the tuning part (leave one out).
 * `--held-out` judges the held-out queries against both parts instead: run it once, at the end.
 */
const heldOut = process.argv.includes('--held-out');
const corpus: LabelledDemand[] = heldOut ? [...TUNING, ...HELD_OUT] : TUNING;
const queries = heldOut ? HELD_OUT : TUNING;
const segmenter = Segmenter.shared();
const docs = corpus.map((d, i) => ({ id: String(i), kind: d[0], type: d[2], title: d[3], doc: segmenter.document({ title: d[3], description: d[4], tags: d[5] }) }));
const frequencies = frequenciesOf(docs.map((d) => d.doc));
const answers = new Map<string, string[]>();
for (const q of docs.filter((d) => queries.includes(corpus[Number(d.id)]))) {
  const ranked = rankBySimilarity(q.doc, docs.filter((d) => d.id !== q.id), (d) => d.doc, frequencies, 3);
  answers.set(q.id, ranked.map((r) => r.item.id));
}
const result = judge(docs.filter((d) => answers.has(d.id)), docs, answers);
process.stdout.write(`${JSON.stringify({ ...result, misses: result.misses.length }, null, 1)}\n`);
if (process.argv.includes('-v')) process.stdout.write(`${result.misses.join('\n')}\n`);
