/**
 * Usernames: NFKC-normalised, 3–20 letters/digits/_/-, a single script, and unique by a "skeleton"
 * that folds case and look-alike letters, so "Alice", "аlice" (Cyrillic а) and "ALlCE" cannot coexist.
 */

export type UsernameProblem = 'length' | 'characters' | 'invisible' | 'mixedScripts';

const allowed = /^[\p{L}\p{N}_-]+$/u;
// Format characters: zero-width joiners/spaces, bidi overrides and isolates, soft hyphen…
const invisible = /[\p{Cf}\p{Zs}\u115F\u1160\u3164\uFFA0]/u;

// Letters from other scripts that render like Latin ones, and digits that pass for letters.
const confusables: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'l', ї: 'l', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ʏ: 'y',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'l', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  '0': 'o', '1': 'l', i: 'l', '|': 'l',
};

export function normalizeUsername(input: string): string {
  return input.normalize('NFKC').trim();
}

export function usernameProblem(normalized: string): UsernameProblem | null {
  if (invisible.test(normalized)) return 'invisible';
  const length = [...normalized].length;
  if (length < 3 || length > 20) return 'length';
  if (!allowed.test(normalized)) return 'characters';
  if (scriptsOf(normalized).size > 1) return 'mixedScripts';
  return null;
}

/** The key usernames are unique by. */
export function usernameKey(normalized: string): string {
  let out = '';
  for (const ch of normalized.toLowerCase()) out += confusables[ch] ?? ch;
  return out;
}

const scriptTests: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
];

/** Latin may mix with CJK (e.g. "小明abc"), but Latin with Cyrillic or Greek is how look-alikes are made. */
function scriptsOf(value: string): Set<string> {
  const found = new Set<string>();
  for (const ch of value) {
    for (const [name, re] of scriptTests) if (re.test(ch)) found.add(name);
  }
  if (found.has('Han') && found.size === 2 && found.has('Latin')) return new Set(['Han']);
  return found;
}
