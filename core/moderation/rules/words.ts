import { eq, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { moderationWords, type WatchedWord, type WordAction } from '../schema.ts';
import { compact, compactWord, fold } from './text.ts';

export interface WordMatch {
  word: WatchedWord;
  action: WordAction;
}

/** Spans [start, end) of the original text that a watched word covers. */
function spansOf(word: WatchedWord, text: string): [number, number][] {
  const c = compact(text);
  const spans: [number, number][] = [];
  if (word.isRegex) {
    const regex = safeRegex(word.pattern);
    if (!regex) return spans;
    for (const m of c.text.matchAll(regex)) {
      if (m[0].length === 0) continue;
      const i = m.index;
      spans.push([c.start[i]!, c.end[i + m[0].length - 1]!]);
    }
    return spans;
  }
  const needle = compactWord(word.pattern);
  if (!needle) return spans;
  let from = 0;
  for (;;) {
    const i = c.text.indexOf(needle, from);
    if (i < 0) break;
    spans.push([c.start[i]!, c.end[i + needle.length - 1]!]);
    from = i + needle.length;
  }
  return spans;
}

/** Patterns are compiled against the compact form; an invalid one never matches (it is refused when saved). */
export function safeRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(fold(pattern), 'gu');
  } catch {
    return null;
  }
}

export function matches(word: WatchedWord, text: string): boolean {
  return spansOf(word, text).length > 0;
}

/** Replaces each occurrence (in the original text, spaces and zero-width characters inside included) with ***. */
export function censor(words: WatchedWord[], text: string): string {
  const spans = words.flatMap((w) => spansOf(w, text)).sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    out += text.slice(at, s) + '***';
    at = e;
  }
  return out + text.slice(at);
}

/** The forum-wide words and those of the category. */
export async function wordsFor(db: DbOrTx, categoryId: number | null | undefined): Promise<WatchedWord[]> {
  return db
    .select()
    .from(moderationWords)
    .where(categoryId ? or(isNull(moderationWords.categoryId), eq(moderationWords.categoryId, categoryId)) : isNull(moderationWords.categoryId))
    .orderBy(moderationWords.id);
}

/** Checks a text: the first blocking word wins, else words to hold, and the text with words to replace censored. */
export function checkWords(words: WatchedWord[], text: string): { block?: WatchedWord; hold?: WatchedWord; text: string } {
  const hits = words.filter((w) => matches(w, text));
  const block = hits.find((w) => w.action === 'block');
  if (block) return { block, text };
  const hold = hits.find((w) => w.action === 'hold');
  const replaced = hits.filter((w) => w.action === 'replace');
  return { hold, text: replaced.length ? censor(replaced, text) : text };
}

