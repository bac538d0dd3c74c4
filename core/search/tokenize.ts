/**
 * Text → search tokens for the built-in engine. PostgreSQL's parser does not split Chinese,
 * Japanese or Korean text (no spaces), so CJK runs are handled here: Intl.Segmenter words plus
 * every character and every pair of neighbouring characters. The query side asks for the pairs of a
 * word (or the word itself when it is one or two characters), so a query matches regardless of how
 * the segmenter happened to cut the indexed sentence: 二手 and 自行车 both find 出售二手自行车.
 * Latin text goes to PostgreSQL's `english` configuration for stemming (running → run).
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

export interface IndexText {
  /** Text for to_tsvector('english', …): CJK removed. */
  latin: string;
  /** Lexemes for array_to_tsvector: segmenter words, characters and character pairs of CJK runs. */
  cjk: string[];
}

export function indexText(text: string): IndexText {
  const cjk = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      cjk.add(chars[i]!.toLowerCase());
      if (i + 1 < chars.length) cjk.add((chars[i]! + chars[i + 1]!).toLowerCase());
    }
    for (const part of segmenter.segment(run)) {
      if (part.isWordLike && part.segment.length > 2) cjk.add(part.segment.toLowerCase());
    }
  }
  return { latin: text.replace(CJK_RUN, ' '), cjk: [...cjk] };
}

export interface QueryTerms {
  /** Latin words, in order (stemmed by PostgreSQL). */
  latin: string[];
  /** CJK lexemes that must all be present. */
  cjk: string[];
  /** Words as typed, for highlighting. */
  display: string[];
}

/** Splits a query the same way the index was built; the last Latin word also matches as a prefix while typing. */
export function queryTerms(query: string): QueryTerms {
  const latin: string[] = [];
  const cjk = new Set<string>();
  const display: string[] = [];
  for (const part of segmenter.segment(query.slice(0, 200))) {
    if (!part.isWordLike) continue;
    const word = part.segment.toLowerCase();
    display.push(word);
    if (!hasCjk(word)) {
      latin.push(word);
      continue;
    }
    const chars = [...word];
    if (chars.length <= 2) cjk.add(word);
    else for (let i = 0; i + 1 < chars.length; i++) cjk.add(chars[i]! + chars[i + 1]!);
  }
  return { latin: latin.slice(0, 12), cjk: [...cjk].slice(0, 24), display: display.slice(0, 24) };
}

/** A tsquery literal: each lexeme quoted (quotes and backslashes escaped), so no query syntax gets through. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** `'a' & 'b':*` for to_tsquery('english', …): every word required, the last one as a prefix. */
export function latinTsquery(words: readonly string[], prefixLast: boolean, join: ' & ' | ' | ' = ' & '): string {
  return words.map((w, i) => quoteLexeme(w) + (prefixLast && i === words.length - 1 ? ':*' : '')).join(join);
}

/** `'二手' & '自行'` cast straight to tsquery (no parser, no stemming). */
export function cjkTsquery(lexemes: readonly string[], join: ' & ' | ' | ' = ' & '): string {
  return lexemes.map(quoteLexeme).join(join);
}
