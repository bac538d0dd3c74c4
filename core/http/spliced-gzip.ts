import { constants, crc32, deflateRawSync } from 'node:zlib';
import { crc32Combine, zerosOperator, type ZerosOperator } from './crc32-combine.ts';

/**
 * Gzip for a cached page whose bytes differ per request only in a short token (the guest's CSRF token)
 * between fixed segments. Each segment is compressed once, as an independent run of deflate blocks that
 * ends byte-aligned (a full flush); a hit only adds the token as an uncompressed "stored" block between
 * them and the gzip header and trailer around them. Concatenating independently compressed deflate runs
 * this way is valid deflate (the way parallel gzip tools build one stream), so any gzip decoder reads it.
 */
export interface SplicedGzip {
  /** Compressed segments; every one but the last ends with a full flush and no final block. */
  compressed: Buffer[];
  /** Per uncompressed segment, its CRC-32, length and zeros operator: the checksum covers the token too,
   * so it is combined per hit from these instead of recomputed over the whole page. */
  plain: { crc: number; length: number; zeros: ZerosOperator }[];
  /** Zeros operators for token lengths seen (one in practice). */
  tokenZeros: Map<number, ZerosOperator>;
}

export function compressSegments(segments: Buffer[]): SplicedGzip {
  const compressed = segments.map((segment, index) =>
    deflateRawSync(segment, { finishFlush: index === segments.length - 1 ? constants.Z_FINISH : constants.Z_FULL_FLUSH }),
  );
  const plain = segments.map((segment) => ({ crc: crc32(segment), length: segment.length, zeros: zerosOperator(segment.length) }));
  return { compressed, plain, tokenZeros: new Map() };
}

const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

/** One gzip stream: the segments with `token` between each pair. The token must be under 64 KiB. */
export function gzipWithToken(gzip: SplicedGzip, token: Buffer): Buffer<ArrayBuffer> {
  const stored = storedBlock(token);
  const tokenCrc = crc32(token);
  let tokenZeros = gzip.tokenZeros.get(token.length);
  if (!tokenZeros) gzip.tokenZeros.set(token.length, (tokenZeros = zerosOperator(token.length)));
  const parts: Buffer[] = [header];
  let crc = 0;
  let size = 0;
  gzip.compressed.forEach((part, index) => {
    if (index > 0) {
      parts.push(stored);
      crc = crc32Combine(crc, tokenCrc, tokenZeros);
      size += token.length;
    }
    parts.push(part);
    const plain = gzip.plain[index]!;
    crc = index === 0 ? plain.crc : crc32Combine(crc, plain.crc, plain.zeros);
    size += plain.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts) as Buffer<ArrayBuffer>;
}

/** A non-final stored deflate block holding `bytes` verbatim (the stream is byte-aligned before it). */
function storedBlock(bytes: Buffer): Buffer {
  const block = Buffer.alloc(5 + bytes.length);
  block[0] = 0x00; // BFINAL 0, BTYPE 00, padded to the byte
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(block, 5);
  return block;
}
