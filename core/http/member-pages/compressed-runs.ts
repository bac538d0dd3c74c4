import { createHash } from 'node:crypto';
import { compressPatchable, makeStandIn, type PatchableRun } from './patchable-deflate.ts';

/** What stands for the token in every compressed run of this process: bytes no page contains. */
export const RUN_STAND_IN = makeStandIn();

/** Enough for the runs of a few hundred pages (a thread page's runs come to about 7 KB). */
const MAX_BYTES = 4 * 1024 * 1024;
const held = new Map<string, { run: PatchableRun | undefined; bytes: number }>();
let heldBytes = 0;

/**
 * A run compressed to be patched (patchable-deflate.ts), kept by its text. Templates are remade whenever
 * the shared reads expire or anything is written, and most of a remade page is the text it was before:
 * its runs are found here instead of being compressed again (about 8 ms of CPU for a thread page).
 */
export function compressedRun(texts: string[]): PatchableRun | undefined {
  const key = keyOf(texts);
  const found = held.get(key);
  if (found) {
    // most recently used last: the first entries are the first to go
    held.delete(key);
    held.set(key, found);
    return found.run;
  }
  const run = compressPatchable(texts, RUN_STAND_IN);
  const bytes = (run?.data.length ?? 0) + key.length + 256;
  held.set(key, { run, bytes });
  heldBytes += bytes;
  for (const [oldest, entry] of held) {
    if (heldBytes <= MAX_BYTES) break;
    held.delete(oldest);
    heldBytes -= entry.bytes;
  }
  return run;
}

function keyOf(texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(`${text.length}:`).update(text);
  return hash.digest('base64url');
}
