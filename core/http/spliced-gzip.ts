import { constants, crc32, deflateRawSync } from 'node:zlib';

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
  /** The uncompressed segments, for the checksum (it covers the token too, so it is computed per hit). */
  plain: Buffer[];
}

export function compressSegments(segments: Buffer[]): SplicedGzip {
  const compressed = segments.map((segment, index) =>
    deflateRawSync(segment, { finishFlush: index === segments.length - 1 ? constants.Z_FINISH : constants.Z_FULL_FLUSH }),
  );
  return { compressed, plain: segments };
}

const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

/** One gzip stream: the segments with `token` between each pair. The token must be under 64 KiB. */
export function gzipWithToken(gzip: SplicedGzip, token: Buffer): Buffer<ArrayBuffer> {
  const stored = storedBlock(token);
  const parts: Buffer[] = [header];
  let crc = 0;
  let size = 0;
  gzip.compressed.forEach((part, index) => {
    if (index > 0) {
      parts.push(stored);
      crc = crc32(token, crc);
      size += token.length;
    }
    parts.push(part);
    const plain = gzip.plain[index]!;
    // Node 20 answers 0 for an empty buffer that went through zlib, instead of the running value
    if (plain.length > 0) crc = crc32(plain, crc);
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
