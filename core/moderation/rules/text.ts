/**
 * Text folding for watched words: what "the same word" means when a member tries to slip one through.
 * NFKC turns full-width letters (ＡＢＣ) and compatibility forms into plain ones; zero-width characters
 * vanish; spaces, punctuation and symbols between characters are skipped (Chinese has no word boundaries,
 * so matching is by substring on this compact form).
 */
const ZERO_WIDTH = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
const SKIPPED = /[\s\p{P}\p{S}\p{M}]/u;

export interface Compact {
  /** Folded letters and digits only. */
  text: string;
  /** For each character of `text`, the index of the code unit in the original string it came from, and the end. */
  start: number[];
  end: number[];
}

/** Folds one piece of text (NFKC, lower case, no zero-width characters). */
export function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(ZERO_WIDTH, '');
}

/** The compact form of a text, with positions back into the original (for replacing with ***). */
export function compact(original: string): Compact {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let index = 0;
  for (const ch of original) {
    const from = index;
    index += ch.length;
    for (const folded of fold(ch)) {
      if (SKIPPED.test(folded)) continue;
      out.push(folded);
      start.push(from);
      end.push(index);
    }
  }
  return { text: out.join(''), start, end };
}

/** A watched word in its compact form ('' when nothing matchable is left). */
export function compactWord(word: string): string {
  return compact(word).text;
}
