import { sql, type SQL } from 'drizzle-orm';
import { indexText } from './tokenize.ts';

/** The core document types; plugin types are `<pluginId>_<name>`. */
export const CORE_TYPES = ['thread', 'post', 'member'] as const;
export type CoreType = (typeof CORE_TYPES)[number];

export type FacetValue = string | number | boolean | null;

/** One searchable document, engine-neutral. */
export interface SearchDoc {
  docId: string;
  type: string;
  sourceId: string;
  title: string;
  body: string;
  tags: string[];
  url: string;
  categoryId: number | null;
  threadId: number | null;
  authorId: number | null;
  authorName: string;
  createdAt: Date;
  facets: Record<string, FacetValue>;
  hidden: boolean;
}

const MAX_BODY = 20_000;
const ID_PART = /^[A-Za-z0-9_]{1,100}$/;
const TYPE_PART = /^[a-z][a-z0-9_]{0,60}$/;

/** `<type>-<sourceId>`: Meilisearch accepts only letters, digits, '-' and '_' in a primary key. */
export function docIdOf(type: string, sourceId: string | number): string {
  const id = String(sourceId);
  if (!TYPE_PART.test(type)) throw new Error(`Invalid search document type: ${type}`);
  if (!ID_PART.test(id)) throw new Error(`Invalid search document id: ${id}`);
  return `${type}-${id}`;
}

export function clipBody(text: string): string {
  return text.length > MAX_BODY ? text.slice(0, MAX_BODY) : text;
}

function lexemes(words: string[]): SQL {
  return sql`array_to_tsvector(array(select jsonb_array_elements_text(${JSON.stringify(words)}::jsonb)))`;
}

/** The weighted tsvector of a document: title A, tags B, body C; CJK lexemes are supplied ready-made. */
export function searchVector(doc: Pick<SearchDoc, 'title' | 'tags' | 'body'>): SQL {
  const title = indexText(doc.title);
  const tags = indexText(doc.tags.join(' '));
  const body = indexText(doc.body);
  return sql`(setweight(to_tsvector('english', ${title.latin}), 'A') || setweight(${lexemes(title.cjk)}, 'A')
    || setweight(to_tsvector('english', ${tags.latin}), 'B') || setweight(${lexemes(tags.cjk)}, 'B')
    || setweight(to_tsvector('english', ${body.latin}), 'C') || setweight(${lexemes(body.cjk)}, 'C'))`;
}
