import { formatShanghai } from './shanghai-time';
import { days, subjectTitle } from './wording';

describe('formatShanghai', () => {
  it.each([
    ['morning', '2026-11-16T02:00:00Z', '2026年11月16日 10:00'],
    ['late evening crosses the UTC date', '2026-11-18T17:30:00Z', '2026年11月19日 01:30'],
    ['a midnight deadline is 24:00 of the day it ends', '2026-11-23T16:00:00Z', '2026年11月23日 24:00'],
    ['a minute after midnight is the next day', '2026-11-23T16:01:00Z', '2026年11月24日 00:01'],
    ['year end', '2026-12-31T16:00:00Z', '2026年12月31日 24:00'],
  ])('%s', (_case, at, expected) => {
    expect(formatShanghai(new Date(at))).toBe(expected);
  });
});

describe('subjectTitle', () => {
  it.each([
    ['plain', '对接园区贷融资渠道', '对接园区贷融资渠道'],
    ['CR/LF and a header become spaces', '融资\r\nBcc: x@evil.example', '融资 Bcc: x@evil.example'],
    ['tabs and line separators', '\t培训\u2028需求\u0000 ', '培训 需求'],
    ['blank', ' \r\n ', '（无标题）'],
    ['long titles are cut at 80 characters', '长'.repeat(200), `${'长'.repeat(79)}…`],
  ])('%s', (_case, title, expected) => {
    expect(subjectTitle(title)).toBe(expected);
  });

  it('counts code points, not UTF-16 units', () => {
    expect([...subjectTitle('😀'.repeat(100))]).toHaveLength(80);
  });
});

describe('days', () => {
  it.each([
    [null, '—'],
    [2, '2 个工作日'],
    [2.3333, '2.3 个工作日'],
  ])('%s → %s', (value, expected) => {
    expect(days(value)).toBe(expected);
  });
});
