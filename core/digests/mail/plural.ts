import type { Params, Translator } from '../../i18n/index.ts';

/** `<key>.one` for 1, `<key>.other` otherwise, with {count} formatted for the locale. */
export function plural(tr: Translator, key: string, count: number, params: Params = {}): string {
  return tr.t(`${key}.${count === 1 ? 'one' : 'other'}`, { ...params, count: tr.number(count) });
}
