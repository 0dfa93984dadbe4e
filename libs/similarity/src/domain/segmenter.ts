import { Jieba } from '@node-rs/jieba';
import { readFileSync } from 'node:fs';
import { STOP_WORDS } from './stop-words';
import { conceptIndex } from './thesaurus';

/** What a demand says, as the index keeps it: distinct terms, those of its title and tags first. */
export interface TermDocument {
  terms: string[];
  /** How many of `terms` (from the start) come from the title or the tags, which weigh more. */
  titleTerms: number;
}

export interface DemandText {
  title: string;
  description?: string | null;
  tags?: readonly string[];
}

/** Jieba's frequency for the thesaurus words: high enough to keep each one whole. */
const USER_WORD_FREQUENCY = 500;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z][a-z0-9]+$/;

/**
 * Jieba's dictionary file. Not `@node-rs/jieba/dict`: that module reads it and its IDF table
 * (11 MB) into buffers it keeps for the life of the process; read here, the buffer is garbage
 * once jieba has built its own dictionary from it.
 */
const JIEBA_DICT = require.resolve('@node-rs/jieba/dict.txt');

/**
 * Chinese word segmentation for similarity: jieba's search mode (a long word also yields its
 * parts: 产业园 → 产业, 产业园) without HMM guessing, so the same text always gives the same
 * terms. Single characters, numbers, punctuation and stop words are dropped; each word of the
 * thesaurus adds its concept term. Loading jieba's dictionary takes ~0.25 s and ~45 MB: one per
 * process, built by the first text segmented (a process that segments nothing never pays for it).
 */
export class Segmenter {
  private static instance: Segmenter | null = null;
  private readonly concepts: Map<string, string>;
  private readonly conceptTerms: Set<string>;
  private loaded: Jieba | null = null;

  /** `thesaurus: false` (plain jieba, for the bench's comparison of methods) is never the service's. */
  private constructor(thesaurus: boolean) {
    this.concepts = thesaurus ? conceptIndex() : new Map();
    this.conceptTerms = new Set(this.concepts.values());
  }

  private get jieba(): Jieba {
    if (this.loaded) return this.loaded;
    const jieba = Jieba.withDict(readFileSync(JIEBA_DICT));
    const userWords = [...this.concepts.keys()].filter((w) => HAN.test(w));
    if (userWords.length) jieba.loadDict(Buffer.from(userWords.map((w) => `${w} ${USER_WORD_FREQUENCY} n`).join('\n')));
    return (this.loaded = jieba);
  }

  static shared(): Segmenter {
    return (Segmenter.instance ??= new Segmenter(true));
  }

  static withoutThesaurus(): Segmenter {
    return new Segmenter(false);
  }

  /** The terms of a text, in order, repeats kept. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const word of this.jieba.cutForSearch(text.normalize('NFKC').toLowerCase(), false)) {
      if (!(HAN.test(word) ? word.length >= 2 : LATIN_WORD.test(word)) || STOP_WORDS.has(word)) continue;
      out.push(word);
      const concept = this.concepts.get(word);
      if (concept) out.push(concept);
    }
    return out;
  }

  /**
   * The words a text search for `text` must all find in a ticket's terms: the words the
   * documents are cut into (the same search mode, so 融资难 asks for 融资 and 融资难, both of
   * which a ticket saying 融资难 carries), without the thesaurus concepts (a search for 贷款
   * is not one for every 融资信贷 word). Empty when nothing indexable is left (a single
   * character, a stop word such as 园区): such a search cannot use the index.
   */
  queryWords(text: string): string[] {
    return [...new Set(this.terms(text).filter((t) => !this.conceptTerms.has(t)))];
  }

  /** A demand's document: a tag counts whole (and by its words), like the title. */
  document(text: DemandText): TermDocument {
    const titled = new Set(this.terms(text.title));
    for (const tag of text.tags ?? []) {
      const whole = tag.normalize('NFKC').toLowerCase().trim();
      if (whole && !STOP_WORDS.has(whole)) titled.add(whole);
      for (const term of this.terms(tag)) titled.add(term);
    }
    const rest = new Set(this.terms(text.description ?? '').filter((t) => !titled.has(t)));
    return { terms: [...titled, ...rest], titleTerms: titled.size };
  }
}
