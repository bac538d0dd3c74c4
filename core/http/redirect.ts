/**
 * Only same-origin relative paths: "/x" yes; "//evil.com", "/\evil.com", "https://…", "javascript:" no.
 * Anything else becomes the fallback.
 */
export function safeRedirectPath(value: string | undefined | null, fallback = '/'): string {
  if (!value || typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://x.invalid');
    if (url.origin !== 'http://x.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
