import type { ViewContext } from '../../../core/plugins/api.ts';

/** `<key>.one` for exactly one, `<key>.other` otherwise (Chinese uses the same text for both). */
export function plural(vc: ViewContext, key: string, count: number, params: Record<string, string | number> = {}): string {
  return vc.t(`${key}.${count === 1 ? 'one' : 'other'}`, { count: vc.tr.number(count), ...params });
}

/** Width class of a result bar, in steps of 5 % (inline styles are not allowed by the CSP). */
export function widthClass(percent: number): string {
  return `polls-w-${Math.min(100, Math.max(0, Math.round(percent / 5) * 5))}`;
}

export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count * 100) / total) : 0;
}
