export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** A domain's strings: English is the source, every other locale must translate each key. */
export type MessageSet<Keys extends string> = { en: Record<Keys, string> } & {
  [L in Exclude<Locale, 'en'>]: Record<Keys, string>;
};

/** Declares a domain's messages; the type checker refuses a locale that misses a key. */
export function defineMessages<const E extends Record<string, string>>(set: {
  en: E;
  'zh-CN': Record<keyof E, string>;
}): MessageSet<Extract<keyof E, string>> {
  return set as MessageSet<Extract<keyof E, string>>;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
