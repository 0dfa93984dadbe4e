import { CalendarNoticeUnreadableError } from '../calendar.errors';

/**
 * The layout of a State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知):
 * a title and preamble that name the year, then numbered sections (一、春节：…), each a few
 * sentences ending in 。, then closing prose and the signature. This file finds those parts;
 * holiday-notice.ts reads the dates inside them.
 */

/** One sentence of a section, without line breaks; `line` is where it starts (1-based). */
export interface NoticeSentence {
  text: string;
  line: number;
}

export interface NoticeSection {
  /** The heading as written, e.g. 六、国庆节、中秋节. */
  heading: string;
  /** The holidays it names, e.g. ['国庆节', '中秋节']. */
  names: string[];
  line: number;
  sentences: NoticeSentence[];
}

/**
 * Full-width digits, letters, punctuation and spaces become their ASCII forms (NFKC: （ → (,
 * ： → :, ２ → 2); 、 and 。 stay. Spaces and tabs go (a PDF copy spaces out "1 月 1 日"); line
 * breaks stay, for line numbers and headings.
 */
export function normalizeNotice(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[^\S\n]+/g, '');
}

const TITLE_YEAR = /(\d{4})年部分节假日安排/g;
/** The preamble's 现将2026年元旦、春节…放假调休日期的具体安排通知如下. */
const PREAMBLE_YEAR = /现将(\d{4})年/g;

/** The year the notice is about, from its title and/or preamble (not the 文号 or the signature's date). */
export function noticeYear(text: string): number {
  const years = new Set([...text.matchAll(TITLE_YEAR), ...text.matchAll(PREAMBLE_YEAR)].map((m) => Number(m[1])));
  if (years.size === 0) {
    throw new CalendarNoticeUnreadableError('找不到通知的年份，请连同标题「国务院办公厅关于YYYY年部分节假日安排的通知」一并粘贴');
  }
  if (years.size > 1) {
    throw new CalendarNoticeUnreadableError(`标题和正文中的年份不一致（${[...years].join('年、')}年）`);
  }
  return [...years][0];
}

/** A numbered heading at the start of a line or right after a 。: 二、春节: or 六、国庆节、中秋节: */
const HEADING = /(^|[\n。])([一二三四五六七八九十]{1,3})、([^\n:,。、()]{1,50}(?:、[^\n:,。、()]{1,50})*):/g;
const DIGITS = '一二三四五六七八九';
/** 一 … 二十, the section numbers a notice could use. */
const NUMERALS = Array.from({ length: 20 }, (_, i) => {
  const n = i + 1;
  if (n < 10) return DIGITS[n - 1];
  return `${n >= 20 ? '二' : ''}十${n % 10 ? DIGITS[(n % 10) - 1] : ''}`;
});

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The numbered sections in order; refuses a text without any, or with a number missing. */
export function noticeSections(text: string): NoticeSection[] {
  const headings = [...text.matchAll(HEADING)].map((m) => {
    const start = m.index + m[1].length;
    return { start, bodyStart: m.index + m[0].length, numeral: m[2], names: m[3].split('、'), heading: m[0].slice(m[1].length, -1) };
  });
  if (headings.length === 0) {
    throw new CalendarNoticeUnreadableError('找不到编号的放假安排（如「一、元旦：1月1日（周四）放假1天」），这段文字不像国务院办公厅的节假日安排通知');
  }
  return headings.map((h, i) => {
    const line = lineAt(text, h.start);
    if (NUMERALS.indexOf(h.numeral) !== i) {
      const expected = i === 0 ? '第一部分应编号为「一、」' : `「${headings[i - 1].heading}」之后应为第 ${i + 1} 部分`;
      throw new CalendarNoticeUnreadableError(`编号不连续：${expected}，这里却是「${h.numeral}、」；请检查是否有一段的标题缺少冒号`, { line, section: h.heading });
    }
    const body = text.slice(h.bodyStart, headings[i + 1]?.start ?? text.length);
    return { heading: h.heading, names: h.names, line, sentences: sentencesOf(body, line) };
  });
}

/** Sentences end at 。 (or . ;); a line break inside one (a wrapped PDF line) is dropped. */
function sentencesOf(body: string, firstLine: number): NoticeSentence[] {
  const sentences: NoticeSentence[] = [];
  let line = firstLine;
  for (const part of body.split(/[。.;]/)) {
    const leading = /^\n*/.exec(part)![0].length;
    const text = part.replace(/\n/g, '');
    if (text) sentences.push({ text, line: line + leading });
    line += part.split('\n').length - 1;
  }
  return sentences;
}
