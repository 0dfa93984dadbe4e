import { Segmenter } from './segmenter';

describe('Segmenter.queryWords (the words a ticket search asks for)', () => {
  const segmenter = Segmenter.shared();

  it.each([
    ['a 2-character word', '融资', ['融资']],
    ['a word with its parts, as documents are cut', '融资难', ['融资', '融资难']],
    ['a thesaurus word kept whole, without its concept term', '园区贷', ['园区贷']],
    ['two words', '形象 宣传片', ['形象', '宣传', '宣传片']],
    ['a stop word dropped beside a word', '企业融资', ['融资']],
    ['only a stop word', '园区', []],
    ['one character', '贷', []],
    ['Latin letters lower-cased', 'LOGO设计', ['logo', '设计']],
  ])('%s: %s', (_, text, words) => {
    expect(segmenter.queryWords(text)).toEqual(words);
  });

  it('asks only for words every document saying the text carries', () => {
    const text = '园区中小企业融资难，希望推出园区贷';
    const document = new Set(segmenter.document({ title: text }).terms);
    for (const q of ['融资难', '园区贷', '中小企业']) expect(segmenter.queryWords(q).every((w) => document.has(w))).toBe(true);
  });
});
