import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Asset } from './assets.ts';

const cache = new WeakMap<Asset, { br?: Buffer; gzip?: Buffer }>();

/** Static assets are compressed once and kept, not on every request. */
export function compressedAsset(asset: Asset, acceptEncoding: string): { bytes: Buffer; encoding?: 'br' | 'gzip' } {
  if (asset.body.length < 1024 || !/text|javascript|svg/.test(asset.contentType)) return { bytes: asset.body };
  const entry = cache.get(asset) ?? {};
  cache.set(asset, entry);
  if (/\bbr\b/.test(acceptEncoding)) {
    entry.br ??= brotliCompressSync(asset.body);
    return { bytes: entry.br, encoding: 'br' };
  }
  if (/\bgzip\b/.test(acceptEncoding)) {
    entry.gzip ??= gzipSync(asset.body);
    return { bytes: entry.gzip, encoding: 'gzip' };
  }
  return { bytes: asset.body };
}
