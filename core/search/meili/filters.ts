import { effectiveCategories, effectiveTypes, type FacetFilter, type SearchQuery, type SearchScope } from '../query.ts';

/**
 * Meilisearch filter expressions. User input never becomes filter syntax: strings are always
 * double-quoted with `\` and `"` escaped, numbers must be finite, attribute names come from a fixed
 * list or from facet keys validated against FACET_KEY. The array form means AND.
 */

export const FACET_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,40}$/;

/** A Meilisearch string literal. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error('Filter values must be finite numbers');
  return String(value);
}

/** Meilisearch attribute holding a plugin facet. */
export function facetAttribute(key: string): string {
  if (!FACET_KEY.test(key)) throw new Error(`Invalid facet key: ${key}`);
  return `f_${key}`;
}

function literal(value: string | number | boolean): string {
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quote(value);
}

function facetExpression(filter: FacetFilter): string {
  const op = filter.op === 'eq' ? '=' : filter.op === 'gte' ? '>=' : '<=';
  return `${facetAttribute(filter.key)} ${op} ${literal(filter.value)}`;
}

/** Category 0 stands for "no category" (member profiles, plugin documents outside categories). */
export const NO_CATEGORY = 0;

export function buildFilter(query: SearchQuery, scope: SearchScope): string[] {
  const types = effectiveTypes(query, scope);
  const categories = query.categoryIds.length ? effectiveCategories(query, scope) : [NO_CATEGORY, ...scope.readableCategoryIds];
  const filter = [
    `type IN [${types.map(quote).join(', ')}]`,
    `categoryId IN [${categories.map(num).join(', ')}]`,
  ];
  if (query.tag !== undefined) filter.push(`tags = ${quote(query.tag)}`);
  if (query.authorId !== undefined) filter.push(`authorId = ${num(query.authorId)}`);
  if (query.from) filter.push(`createdAt >= ${num(Math.floor(query.from.getTime() / 1000))}`);
  if (query.to) filter.push(`createdAt < ${num(Math.floor(query.to.getTime() / 1000))}`);
  for (const facet of query.facets) filter.push(facetExpression(facet));
  return filter;
}
