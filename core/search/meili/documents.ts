import type { FacetValue, SearchDoc } from '../documents.ts';
import type { TextPart } from '../query.ts';
import { facetAttribute, NO_CATEGORY } from './filters.ts';

/** What one document looks like in the Meilisearch index (primary key `id`). */
export interface MeiliDocument {
  id: string;
  type: string;
  sourceId: string;
  title: string;
  body: string;
  tags: string[];
  url: string;
  categoryId: number;
  threadId: number | null;
  authorId: number | null;
  authorName: string;
  /** Unix seconds: filterable and sortable as a number. */
  createdAt: number;
  /** Unix milliseconds of the write, so a reindex can drop what it did not rewrite. */
  indexedAt: number;
  [facet: `f_${string}`]: FacetValue;
}

export function toMeiliDocument(doc: SearchDoc, indexedAt: number): MeiliDocument {
  const out: MeiliDocument = {
    id: doc.docId,
    type: doc.type,
    sourceId: doc.sourceId,
    title: doc.title,
    body: doc.body,
    tags: doc.tags,
    url: doc.url,
    categoryId: doc.categoryId ?? NO_CATEGORY,
    threadId: doc.threadId,
    authorId: doc.authorId,
    authorName: doc.authorName,
    createdAt: Math.floor(doc.createdAt.getTime() / 1000),
    indexedAt,
  };
  for (const [key, value] of Object.entries(doc.facets)) out[facetAttribute(key) as `f_${string}`] = value;
  return out;
}

export const PRE = '\u0001';
export const POST = '\u0002';

/** Splits Meilisearch's highlighted text (our private marker characters) into plain parts. */
export function parseHighlighted(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = text;
  while (rest.length) {
    const start = rest.indexOf(PRE);
    if (start < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(POST, start + 1);
    const hit = rest.slice(start + 1, end < 0 ? undefined : end);
    if (hit) parts.push({ text: hit, hit: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return parts.map((p) => ({ ...p, text: p.text.replace(/[\u0001\u0002]/g, '') }));
}
