/**
 * URL policy for member content. Links may point to http(s), mailto or this site; images only to https
 * or this site. Anything a browser could read as another scheme or another host is refused.
 */

const schemePattern = /^([a-z][a-z0-9+.-]*):/i;
// Browsers drop tabs and newlines anywhere in a URL ("java\tscript:"); none belongs in a link we emit.
const invisible = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/u;
const invisibleAll = new RegExp(invisible.source, 'gu');
const linkSchemes = new Set(['http', 'https', 'mailto']);

export type UrlKind = 'absolute' | 'relative';

/** What a browser would see after undoing percent-encoding and ignoring invisible characters. */
function probe(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // a stray '%' is not an encoding, the raw text is what the browser sees
  }
  return decoded.replace(invisibleAll, '');
}

function classify(url: string, allowedSchemes: ReadonlySet<string>): UrlKind | null {
  if (url === '' || invisible.test(url)) return null;
  const seen = probe(url);
  const scheme = schemePattern.exec(seen)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    // the scheme must be allowed both as written and as decoded ("https%3A" is not a scheme to a browser)
    const written = schemePattern.exec(url)?.[1]?.toLowerCase();
    if (!allowedSchemes.has(scheme) || written !== scheme) return null;
    if (scheme === 'mailto') return 'absolute';
    try {
      return new URL(url).hostname ? 'absolute' : null;
    } catch {
      return null;
    }
  }
  // "//host" and "/\host" are other hosts to a browser; a ':' before the first '/' could be read as a scheme
  if (/^[\\/]{2}|^\\/.test(seen)) return null;
  if (/^[^/?#]*:/.test(seen)) return null;
  return 'relative';
}

export function linkKind(url: string): UrlKind | null {
  return classify(url, linkSchemes);
}

const imageSchemes = new Set(['https']);

/** Images: https, or a path on this site. */
export function isAllowedImageSrc(url: string): boolean {
  const kind = classify(url, imageSchemes);
  return kind === 'absolute' || (kind === 'relative' && url.startsWith('/'));
}
