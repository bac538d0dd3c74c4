import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32Combine, zerosOperator, type ZerosOperator } from '../crc32-combine.ts';

/**
 * Deflate for a page that is the same for many members but for their CSRF token, which appears in every
 * form (a thread page has one per post). The page is compressed once with a stand-in where the token
 * goes; each stand-in is written as an uncompressed ("stored") block inside the one deflate stream,
 * so its bytes appear verbatim in the output and a member's copy is the stored bytes with their token
 * written over the stand-in's. The text after each block may refer back to the text before it (each
 * piece is deflated with what precedes it as its dictionary), so the page compresses as one text (a
 * post's markup refers back to the previous post's).
 *
 * The stand-in is made of control characters no page contains: nothing else in the page can refer
 * back into it, and a later stand-in that refers back to an earlier one copies the same token. Each
 * run is checked once, when made, by inflating it with a test token.
 */
export interface PatchableRun {
  /** Raw deflate blocks, none final, ending byte-aligned (a full flush). */
  data: Buffer;
  /** Where each stand-in's bytes are in `data`. */
  offsets: number[];
  /** Length and CRC-32 of the text with the stand-in. */
  length: number;
  crc: number;
  /** Appends `length` zero bytes to a CRC register: combines this run's CRC with what comes before. */
  zeros: ZerosOperator;
  /** XOR of the zero-appending operators for the bytes after each stand-in: the CRC with a token is the
   * stand-in CRC changed by the token's difference shifted to each place (CRC-32 is linear). */
  afterTokens: ZerosOperator;
}

export const TOKEN_LENGTH = 32;
const safeBytes = [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
/** Control characters a page never contains (checked per run). */
const unsafeText = /[\u0001-\u0008\u000e-\u001f]/;

export function makeStandIn(): Buffer {
  return Buffer.from(Array.from({ length: TOKEN_LENGTH }, () => safeBytes[Math.floor(Math.random() * safeBytes.length)]!));
}

/** How much of the text before a piece its compressor may refer back to: deflate's whole window. */
const HISTORY = 32 * 1024;

/**
 * A run of text with tokens between its parts (`texts.length - 1` of them), compressed once; undefined
 * when it cannot be patched safely.
 *
 * Synchronous: each piece of text is deflated in one call with the text before it (up to deflate's
 * 32 KB window) as its preset dictionary, so it refers back across the stand-ins as one stream would,
 * and ends with a sync flush, whose empty stored block is made the stand-in's. A zlib stream switched
 * to level 0 and back around each stand-in did the same on the thread pool, one event-loop turn per
 * switch: under load a thread page's runs took half a second to three seconds to compress, and the
 * members who needed them waited (the signed-in p99).
 */
export function compressPatchable(texts: string[], standIn: Buffer): PatchableRun | undefined {
  if (texts.some((text) => unsafeText.test(text))) return undefined;
  const pieces = texts.map((text) => Buffer.from(text));
  const out: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  let history = Buffer.alloc(0);
  const remember = (bytes: Buffer) => {
    const keep = Math.max(0, history.length + bytes.length - HISTORY);
    history = Buffer.concat([history.subarray(Math.min(keep, history.length)), bytes.subarray(Math.max(0, keep - history.length))]);
  };
  for (const [index, bytes] of pieces.entries()) {
    if (index > 0) {
      const previous = out.at(-1);
      if (previous && endsWithEmptyStoredBlock(previous)) {
        // the sync flush's empty stored block, given the stand-in's length, holds the stand-in
        previous.writeUInt16LE(TOKEN_LENGTH, previous.length - 4);
        previous.writeUInt16LE(~TOKEN_LENGTH & 0xffff, previous.length - 2);
      } else {
        const header = storedBlockHeader(TOKEN_LENGTH);
        out.push(header);
        size += header.length;
      }
      offsets.push(size);
      out.push(standIn);
      size += TOKEN_LENGTH;
      remember(standIn);
    }
    if (bytes.length === 0) continue;
    const piece = deflateRawSync(bytes, { level: 6, finishFlush: constants.Z_SYNC_FLUSH, ...(history.length ? { dictionary: history } : {}) });
    out.push(piece);
    size += piece.length;
    remember(bytes);
  }
  const data = Buffer.concat(out);
  const withToken = (token: Buffer) => Buffer.concat(pieces.flatMap((bytes, index) => (index > 0 ? [token, bytes] : [bytes])));

  const plainBytes = withToken(standIn);
  let afterTokens: ZerosOperator = new Uint32Array(32);
  let end = plainBytes.length;
  // bytes after each stand-in, from the last one back
  for (let index = pieces.length - 1; index > 0; index--) {
    end -= pieces[index]!.length;
    afterTokens = xorOperators(afterTokens, zerosOperator(plainBytes.length - end));
    end -= TOKEN_LENGTH;
  }
  const run: PatchableRun = { data, offsets, length: plainBytes.length, crc: crc32(plainBytes), zeros: zerosOperator(plainBytes.length), afterTokens };

  // checked once: inflated with a test token, it must be the text with that token in every place
  const probe = Buffer.from('abcdefghijklmnopqrstuvwxyz234567');
  const inflated = inflateRawSync(Buffer.concat([patchRun(run, probe), FINAL_BLOCK]));
  const expected = withToken(probe);
  if (!inflated.equals(expected) || runCrc(run, tokenDifference(standIn, probe)) !== crc32(expected)) return undefined;
  return run;
}

/** The run's compressed bytes with `token` in every place. */
export function patchRun(run: PatchableRun, token: Buffer): Buffer {
  const copy = Buffer.from(run.data);
  for (const offset of run.offsets) token.copy(copy, offset);
  return copy;
}

/**
 * What a token changes in a CRC where it replaces the stand-in: the CRC of their byte difference without
 * CRC-32's pre- and post-conditioning, which is linear in its bytes. The same for every run of a response.
 */
export function tokenDifference(standIn: Buffer, token: Buffer): number {
  const difference = Buffer.alloc(TOKEN_LENGTH);
  for (let i = 0; i < TOKEN_LENGTH; i++) difference[i] = standIn[i]! ^ token[i]!;
  return (crc32(difference) ^ ZEROS_CRC) >>> 0;
}

const ZEROS_CRC = crc32(Buffer.alloc(TOKEN_LENGTH));

/** CRC-32 of the run's text with the token in every place, from the stand-in's CRC and `tokenDifference`. */
export function runCrc(run: PatchableRun, difference: number): number {
  if (run.offsets.length === 0) return run.crc;
  return (run.crc ^ crc32Combine(difference, 0, run.afterTokens)) >>> 0;
}

/** Ends a stream of non-final blocks: an empty final stored block. */
export const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/** Below this, deflate gains a few bytes for more CPU than sending them costs (a form's submission key). */
const STORE_UP_TO = 160;

/** Bytes compressed for one response (a member's own part), as non-final blocks ending byte-aligned. */
export function deflateOnce(bytes: Buffer): Buffer {
  if (bytes.length > STORE_UP_TO) return deflateRawSync(bytes, { level: 2, finishFlush: constants.Z_FULL_FLUSH });
  // deflate gains nothing on a few bytes: a stored block
  return Buffer.concat([storedBlockHeader(bytes.length), bytes]);
}

/** Whether a piece ends with a sync flush's empty stored block: LEN 0 and NLEN 0xffff, byte-aligned. */
function endsWithEmptyStoredBlock(piece: Buffer): boolean {
  const n = piece.length;
  return n >= 5 && piece[n - 4] === 0 && piece[n - 3] === 0 && piece[n - 2] === 0xff && piece[n - 1] === 0xff;
}

/** A non-final stored block's header at a byte boundary: three zero bits padded to a byte, LEN, NLEN. */
function storedBlockHeader(length: number): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}

function xorOperators(a: ZerosOperator, b: ZerosOperator): ZerosOperator {
  const out = new Uint32Array(32);
  for (let i = 0; i < 32; i++) out[i] = (a[i]! ^ b[i]!) >>> 0;
  return out;
}
