import type { Locale } from './types.ts';

export type Params = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t(key: string, params?: Params): string;
  /** Formats a date as an absolute, locale-aware string. */
  date(value: Date, style?: 'short' | 'long'): string;
  /** "3 minutes ago" / "3 分钟前". */
  relative(value: Date, now?: Date): string;
  number(value: number): string;
}

type Catalog = Record<Locale, Map<string, string>>;

const catalog: Catalog = { en: new Map(), 'zh-CN': new Map() };

/** Adds a domain's (or a plugin's) strings to the shared catalog. Later registrations win. */
export function registerMessages(set: Record<Locale, Record<string, string>>): void {
  for (const locale of Object.keys(catalog) as Locale[]) {
    for (const [key, value] of Object.entries(set[locale])) catalog[locale].set(key, value);
  }
}

export function hasMessage(locale: Locale, key: string): boolean {
  return catalog[locale].has(key);
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Translators hold no per-request state: one per language and time zone, built once. */
const translators = new Map<string, Translator>();

export function createTranslator(locale: Locale, timeZone?: string): Translator {
  const key = `${locale}|${timeZone ?? ''}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = buildTranslator(locale, timeZone);
    // time zones are a bounded set (IANA names, validated where members choose them)
    if (translators.size < 1000) translators.set(key, translator);
  }
  return translator;
}

function buildTranslator(locale: Locale, timeZone?: string): Translator {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const tz = timeZone && isValidTimeZone(timeZone) ? timeZone : undefined;
  const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: tz });
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: tz });
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    t(key, params) {
      const template = catalog[locale].get(key) ?? catalog.en.get(key) ?? key;
      return interpolate(template, params);
    },
    date: (value, style = 'short') => (style === 'long' ? longDate : shortDate).format(value),
    relative(value, now = new Date()) {
      const seconds = Math.round((value.getTime() - now.getTime()) / 1000);
      for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size || unit === 'second') {
          return rtf.format(Math.round(seconds / size), unit);
        }
      }
      return rtf.format(0, 'second');
    },
    number: (value) => numbers.format(value),
  };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
