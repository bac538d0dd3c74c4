import type { Upload, UploadVariant } from './schema.ts';

export function uploadFileUrl(file: string): string {
  return `/uploads/${file}`;
}

function variant(upload: Pick<Upload, 'variants'>, name: string): UploadVariant | undefined {
  return upload.variants.find((v) => v.name === name);
}

/** The URLs a page uses for an upload: a thumbnail, a display size for posts, and the cleaned full image. */
export function uploadUrls(upload: Pick<Upload, 'variants'>): { thumb: string; display: string; full: string } {
  const full = variant(upload, 'full')!;
  const thumb = variant(upload, 'w320') ?? full;
  return {
    thumb: uploadFileUrl(thumb.file),
    display: uploadFileUrl((variant(upload, 'w1024') ?? thumb).file),
    full: uploadFileUrl(full.file),
  };
}

/** The square avatar of an avatar upload, by its key. */
export function avatarFileUrl(key: string): string {
  return uploadFileUrl(`${key}-a256.webp`);
}
