import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Asset {
  body: Buffer;
  contentType: string;
  hash: string;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Public name → file on disk. Everything the browser loads comes from our own origin. */
const sources = new Map<string, string>([
  ['htmx.js', createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js')],
  ['forum.js', 'themes/default/assets/forum.js'],
  ['live.js', 'core/live/live.js'],
  ['default.css', 'themes/default/assets/default.css'],
]);

const loaded = new Map<string, Asset>();

export function registerAsset(name: string, absolutePath: string): void {
  sources.set(name, absolutePath);
  loaded.delete(name);
}

export function getAsset(name: string): Asset | undefined {
  const cached = loaded.get(name);
  if (cached) return cached;
  const source = sources.get(name);
  if (!source) return undefined;
  const file = path.isAbsolute(source) ? source : path.join(root, source);
  const body = readFileSync(file);
  const asset = {
    body,
    contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream',
    hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
  };
  loaded.set(name, asset);
  return asset;
}

/** A cache-busting URL: the content hash is in the path, so it can be cached forever. */
export function assetUrl(name: string): string {
  const asset = getAsset(name);
  return asset ? `/assets/${asset.hash}/${name}` : `/assets/missing/${name}`;
}
