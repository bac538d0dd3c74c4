export { defineMessages, isLocale, locales, defaultLocale, type Locale, type MessageSet } from './types.ts';
export { negotiateLocale } from './negotiate.ts';
export { createTranslator, registerMessages, hasMessage, isValidTimeZone, type Translator, type Params } from './translator.ts';
