import { cosine, DOCUMENT_COUNT_TERM, frequenciesOf, idf, rankBySimilarity, retrievalPlan, SIMILARITY, weigh } from './scoring';
import { Segmenter } from './segmenter';
import { conceptIndex, THESAURUS } from './thesaurus';

const segmenter = Segmenter.shared();
const doc = (title: string, description = '', tags: string[] = []) => segmenter.document({ title, description, tags });

describe('segmenter', () => {
  it.each([
    ['drops stop words, single characters and numbers', '希望对接银行开展园区贷业务，解决2亿元资金缺口', ['银行', '园区贷', '#融资信贷', '业务', '资金', '缺口']],
    ['keeps thesaurus words whole (with its search-mode parts) and adds their concept', '推进智改数转', ['改数', '智改数转', '#数字化']],
    ['reads full-width Latin as half-width, lower case', '园区ＬＯＧＯ设计', ['logo', '#视觉设计', '设计']],
  ])('%s', (_, text, expected) => {
    expect(segmenter.terms(text)).toEqual(expected);
  });

  it('puts title and tag terms first, each term once', () => {
    const d = doc('上市辅导', '拟上市企业需要上市辅导和股改', ['IPO']);
    expect(d.terms.slice(0, d.titleTerms).sort()).toEqual(['#上市', 'ipo', '上市', '上市辅导', '辅导'].sort());
    expect(d.terms.slice(d.titleTerms).sort()).toEqual(['拟上市', '股改'].sort());
    expect(new Set(d.terms).size).toBe(d.terms.length);
  });
});

describe('thesaurus', () => {
  it('puts each word in one group at most', () => {
    const words = Object.values(THESAURUS).flatMap((w) => w.split(','));
    expect(words.length).toBe(conceptIndex().size);
  });
});

describe('scoring', () => {
  const corpus = [doc('中小企业融资难', '银行贷款难，流动资金紧张'), doc('对接银行开展园区贷', '信用贷款'), doc('后备企业上市辅导', '券商辅导'), doc('企业挂牌上市培育', '北交所挂牌')];
  const frequencies = frequenciesOf(corpus);

  it('weighs rare terms more, and a term in every document still a little', () => {
    expect(idf(1, 100)).toBeGreaterThan(idf(50, 100));
    expect(idf(100, 100)).toBeGreaterThan(0);
  });

  it('gives a document cosine 1 with itself and 0 with nothing in common', () => {
    const a = weigh(corpus[0], frequencies);
    expect(cosine(a, a)).toBeCloseTo(1, 10);
    expect(cosine(a, weigh(doc('党群服务中心建设'), frequencies))).toBe(0);
  });

  it('ranks the same kind first and leaves out what is below the floor', () => {
    const ranked = rankBySimilarity(doc('企业上市辅导'), corpus, (d) => d, frequencies, 5);
    expect(ranked.map((r) => corpus.indexOf(r.item))).toEqual([2, 3]);
    expect(ranked.every((r) => r.score >= SIMILARITY.floor)).toBe(true);
  });

  it('reads every term on a small corpus, and pairs the heavy common ones on a large one', () => {
    const query = new Map([['a', 3], ['b', 2], ['c', 1], ['d', 0.5], ['e', 0.2]]);
    expect(retrievalPlan(query, new Map([[DOCUMENT_COUNT_TERM, 10], ['a', 2], ['b', 2]]))).toEqual({ anyOf: ['a', 'b', 'c', 'd', 'e'], pairs: [] });
    const large = new Map([[DOCUMENT_COUNT_TERM, 1e6], ['a', 50_000], ['b', 40_000], ['c', 100], ['d', 30_000], ['e', 20]]);
    expect(retrievalPlan(query, large)).toEqual({ anyOf: ['c', 'e'], pairs: [['a', 'b'], ['a', 'd'], ['b', 'd']] });
  });
});
