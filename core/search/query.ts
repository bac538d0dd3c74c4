import type { FacetValue } from './documents.ts';

export type SearchSort = 'relevance' | 'date';

/** A facet condition on a plugin type's declared facet. */
export interface FacetFilter {
  key: string;
  op: 'eq' | 'gte' | 'lte';
  value: string | number | boolean;
}

/** What a viewer asked for, validated (core/search/routes parses it with zod). */
export interface SearchQuery {
  q: string;
  /** Document types to include; empty = every type the viewer may search. */
  types: string[];
  /** Category ids to restrict to (a category and its sub-categories); empty = all. */
  categoryIds: number[];
  tag?: string;
  authorId?: number;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  facets: FacetFilter[];
  sort: SearchSort;
  /** all: every word must match (search); any: some words may (similar threads). */
  match: 'all' | 'any';
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** Who is searching: resolved from the viewer's permissions, applied by every engine. */
export interface SearchScope {
  /** Categories the viewer may read; documents with a category outside it never come back. */
  readableCategoryIds: number[];
  /** Types the viewer may search (core types and active plugins' types). */
  allowedTypes: string[];
}

export interface TextPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  docId: string;
  type: string;
  sourceId: string;
  title: TextPart[];
  snippet: TextPart[];
  url: string;
  categoryId: number | null;
  threadId: number | null;
  authorId: number | null;
  authorName: string;
  createdAt: Date;
  tags: string[];
  facets: Record<string, FacetValue>;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** `total` is a floor: more matched (the built-in engine counts up to 1000). */
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
  engine: 'builtin' | 'meilisearch';
  /** Meilisearch is configured but could not answer: these results come from the built-in engine. */
  degraded: boolean;
  tookMs: number;
}

/** Relevance pages are offset-based in every engine; deep pages add nothing a refined query would not. */
export const MAX_PAGE = 50;

export function effectiveTypes(query: SearchQuery, scope: SearchScope): string[] {
  return query.types.length ? query.types.filter((t) => scope.allowedTypes.includes(t)) : scope.allowedTypes;
}

/** The category ids a query may return: the viewer's readable ones, narrowed by the category filter. */
export function effectiveCategories(query: SearchQuery, scope: SearchScope): number[] {
  return query.categoryIds.length ? query.categoryIds.filter((id) => scope.readableCategoryIds.includes(id)) : scope.readableCategoryIds;
}
