import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Named in every recorded draw, so a later change of algorithm never makes an old draw unverifiable. */
export const DRAW_ALGORITHM = 'sha256-list/hmac-sha256-fisher-yates/v1';

/** 32 bytes from the operating system's CSPRNG, hex. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** Distinct ids, ascending: the canonical eligible list. */
export function canonicalList(ids: Iterable<number>): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** SHA-256 (hex) of the canonical list written as decimal ids joined by commas, e.g. "3,17,42". */
export function hashList(sorted: number[]): string {
  return createHash('sha256').update(sorted.join(','), 'utf8').digest('hex');
}

/**
 * Uniform integers below `bound` from HMAC-SHA256(key = seed bytes, message = decimal counter "0", "1", …):
 * the first 4 bytes of each MAC as an unsigned big-endian integer, rejected when it falls in the last,
 * incomplete multiple of `bound` (so no id is favoured), otherwise taken modulo `bound`.
 */
function seededIntegers(seedHex: string) {
  const key = Buffer.from(seedHex, 'hex');
  let counter = 0;
  return (bound: number): number => {
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const value = createHmac('sha256', key).update(String(counter++)).digest().readUInt32BE(0);
      if (value < limit) return value % bound;
    }
  };
}

/**
 * The winners: a Fisher–Yates shuffle of the canonical list, run forwards for the first `count`
 * positions (for i = 0 … count−1: j = i + next(n − i); swap i and j), then the first `count` ids.
 */
export function pickWinners(seedHex: string, sorted: number[], count: number): number[] {
  const list = [...sorted];
  const next = seededIntegers(seedHex);
  const picks = Math.min(count, list.length);
  for (let i = 0; i < picks; i++) {
    const j = i + next(list.length - i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list.slice(0, picks);
}
