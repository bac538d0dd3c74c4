import { createHash } from 'node:crypto';

/**
 * A weak validator for a page's bytes: weak because the same page goes out gzipped, in brotli or plain,
 * and a strong ETag would have to differ per encoding (RFC 9110 §8.8.3).
 */
export function weakEtag(body: Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names the ETag, by the weak comparison If-None-Match uses. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
}
