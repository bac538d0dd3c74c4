import type { Category } from '../schema.ts';
import { colorPattern } from './category-input.ts';

/**
 * Category colours as CSS custom properties: our CSP forbids inline style attributes, so pages use
 * class="cat-<id>". Only ids and strictly validated colours go in (never names), so the sheet can
 * neither be injected into nor reveal a hidden category.
 */
export function categoryStylesheet(all: Pick<Category, 'id' | 'color'>[]): string {
  return all
    .filter((c) => Number.isSafeInteger(c.id) && colorPattern.test(c.color))
    .map((c) => `.cat-${c.id} { --cat-color: ${c.color.toLowerCase()}; }`)
    .join('\n')
    .concat('\n');
}
