import { hasCjk } from './tokenize.ts';
import type { TextPart } from './query.ts';

const WORD = /[\p{L}\p{N}_']+/gu;

/**
 * Marks the words of `text` that match a term: CJK terms anywhere (no word boundaries), other
 * terms at the start of a word (so the stem "run" marks "running"). Plain text parts: the view escapes them.
 */
export function highlight(text: string, terms: readonly string[]): TextPart[] {
  const ranges: [number, number][] = [];
  const lower = text.toLowerCase();
  const cjk = terms.filter(hasCjk);
  const latin = terms.filter((t) => !hasCjk(t) && t.length > 0);
  for (const term of cjk) {
    let at = lower.indexOf(term);
    while (at >= 0) {
      ranges.push([at, at + term.length]);
      at = lower.indexOf(term, at + term.length);
    }
  }
  if (latin.length) {
    for (const m of lower.matchAll(WORD)) {
      if (latin.some((t) => m[0].startsWith(t))) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return toParts(text, merge(ranges));
}

/** A window of about `length` characters around the first hit, cut at word-ish boundaries. */
export function snippet(text: string, terms: readonly string[], length = 220): TextPart[] {
  const parts = highlight(text, terms);
  const firstHit = parts.findIndex((p) => p.hit);
  let offset = 0;
  for (let i = 0; i < firstHit; i++) offset += parts[i]!.text.length;
  const start = firstHit < 0 ? 0 : Math.max(0, offset - Math.floor(length / 3));
  const end = Math.min(text.length, start + length);
  const out: TextPart[] = [];
  let pos = 0;
  for (const part of parts) {
    const from = Math.max(pos, start);
    const to = Math.min(pos + part.text.length, end);
    if (from < to) out.push({ text: part.text.slice(from - pos, to - pos), hit: part.hit });
    pos += part.text.length;
  }
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < text.length) out.push({ text: '…', hit: false });
  return out;
}

function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function toParts(text: string, ranges: [number, number][]): TextPart[] {
  const parts: TextPart[] = [];
  let pos = 0;
  for (const [from, to] of ranges) {
    if (from > pos) parts.push({ text: text.slice(pos, from), hit: false });
    parts.push({ text: text.slice(from, to), hit: true });
    pos = to;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), hit: false });
  return parts;
}
