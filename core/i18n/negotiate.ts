import { defaultLocale, isLocale, locales, type Locale } from './types.ts';

/** Member preference > cookie > Accept-Language > site default. */
export function negotiateLocale(input: {
  preference?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
  siteDefault?: string | null;
}): Locale {
  if (isLocale(input.preference)) return input.preference;
  if (isLocale(input.cookie)) return input.cookie;
  const fromHeader = acceptLanguageLocale(input.acceptLanguage ?? '');
  if (fromHeader) return fromHeader;
  return isLocale(input.siteDefault) ? input.siteDefault : defaultLocale;
}

// Browsers send a handful of distinct headers; parsing one on every request showed up in guests' profiles.
const remembered = new Map<string, Locale | undefined>();
const REMEMBER_AT_MOST = 256;

function acceptLanguageLocale(header: string): Locale | undefined {
  if (remembered.has(header)) return remembered.get(header);
  const locale = matchAcceptLanguage(header);
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(header, locale);
  return locale;
}

function matchAcceptLanguage(header: string): Locale | undefined {
  const ranges = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranges) {
    if (tag.startsWith('zh')) return 'zh-CN';
    const exact = locales.find((l) => l.toLowerCase() === tag || tag.startsWith(`${l.toLowerCase()}-`));
    if (exact) return exact;
  }
  return undefined;
}
