import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { snippet, highlight } from './highlight.ts';
import { effectiveCategories, effectiveTypes, type FacetFilter, type SearchHit, type SearchQuery, type SearchScope } from './query.ts';
import { searchDocuments } from './schema.ts';
import { cjkTsquery, latinTsquery, queryTerms } from './tokenize.ts';

export interface EngineResult {
  hits: SearchHit[];
  total: number;
  /** More matched than were counted (shown as "1000+"). */
  totalIsLowerBound?: boolean;
}

/** How many of the newest matches the built-in engine ranks and counts. */
export const CANDIDATES = 1000;

/** The PostgreSQL full-text engine over search_documents (PGlite and PostgreSQL alike). */
export async function builtinSearch(db: Db, query: SearchQuery, scope: SearchScope): Promise<EngineResult> {
  const types = effectiveTypes(query, scope);
  if (!types.length) return { hits: [], total: 0 };
  const terms = queryTerms(query.q);
  const hasText = terms.latin.length > 0 || terms.cjk.length > 0;
  if (query.q.trim() && !hasText) return { hits: [], total: 0 };

  const parts: SQL[] = [];
  const any = query.match === 'any';
  if (terms.latin.length) parts.push(sql`to_tsquery('english', ${latinTsquery(terms.latin, !any, any ? ' | ' : ' & ')})`);
  if (terms.cjk.length) parts.push(sql`${cjkTsquery(terms.cjk, any ? ' | ' : ' & ')}::tsquery`);
  const tsquery = parts.length ? sql.join(parts, any ? sql` || ` : sql` && `) : undefined;

  const where = and(
    eq(searchDocuments.hidden, false),
    inArray(searchDocuments.type, types),
    or(isNull(searchDocuments.categoryId), inArray(searchDocuments.categoryId, [...effectiveCategories(query, scope), -1])),
    query.categoryIds.length ? inArray(searchDocuments.categoryId, [...query.categoryIds, -1]) : undefined,
    query.tag ? sql`${searchDocuments.tags} @> array[${query.tag}]::text[]` : undefined,
    query.authorId ? eq(searchDocuments.authorId, query.authorId) : undefined,
    query.from ? gte(searchDocuments.createdAt, query.from) : undefined,
    query.to ? lt(searchDocuments.createdAt, query.to) : undefined,
    ...query.facets.map(facetCondition),
    tsquery ? sql`${searchDocuments.searchVector} @@ (${tsquery})` : undefined,
  );
  // Relevance is ranked among the newest CANDIDATES matches only: ranking reads every candidate's
  // tsvector, and a common word can match most of the forum. Totals beyond that read "1000+".
  const rank = tsquery ? sql<number>`ts_rank_cd(${searchDocuments.searchVector}, ${tsquery}, 1)` : sql<number>`0`;
  const candidates = db
    .select({ docId: searchDocuments.docId, createdAt: searchDocuments.createdAt, rank: sql<number>`${rank}`.as('rank') })
    .from(searchDocuments)
    .where(where)
    .orderBy(desc(searchDocuments.createdAt), desc(searchDocuments.docId))
    .limit(CANDIDATES)
    .as('candidates');
  const order =
    query.sort === 'date' || !tsquery
      ? [desc(candidates.createdAt), desc(candidates.docId)]
      : [desc(candidates.rank), desc(candidates.createdAt), desc(candidates.docId)];
  const page = await db
    .select({ docId: candidates.docId, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(candidates)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const ids = page.map((r) => r.docId);

  const rows = ids.length
    ? await db
        .select({
          docId: searchDocuments.docId,
          type: searchDocuments.type,
          sourceId: searchDocuments.sourceId,
          title: searchDocuments.title,
          body: sql<string>`left(${searchDocuments.body}, 4000)`,
          url: searchDocuments.url,
          categoryId: searchDocuments.categoryId,
          threadId: searchDocuments.threadId,
          authorId: searchDocuments.authorId,
          authorName: searchDocuments.authorName,
          createdAt: searchDocuments.createdAt,
          tags: searchDocuments.tags,
          facets: searchDocuments.facets,
          stems: terms.latin.length
            ? sql<string[]>`tsvector_to_array(to_tsvector('english', ${terms.latin.join(' ')}))`
            : sql<string[]>`'{}'::text[]`,
        })
        .from(searchDocuments)
        .where(inArray(searchDocuments.docId, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.docId, r]));
  const marks = [...new Set([...terms.display, ...(rows[0]?.stems ?? [])])];
  const hits = ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map(({ stems: _stems, body, title, ...row }) => ({
      ...row,
      title: highlight(title, marks),
      snippet: snippet(body, marks),
    }));
  const total = page[0]?.total ?? (query.page > 1 ? await countOnly(db, where) : 0);
  return { hits, total, totalIsLowerBound: total >= CANDIDATES };
}

async function countOnly(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(db.select({ one: sql`1` }).from(searchDocuments).where(where).limit(CANDIDATES).as('capped'));
  return row?.n ?? 0;
}

function facetCondition(filter: FacetFilter): SQL {
  const field = sql`${searchDocuments.facets} -> ${filter.key}`;
  if (filter.op === 'eq') return sql`${field} = ${JSON.stringify(filter.value)}::jsonb`;
  const op = filter.op === 'gte' ? sql`>=` : sql`<=`;
  if (typeof filter.value === 'number') return sql`jsonb_typeof(${field}) = 'number' and (${field})::numeric ${op} ${filter.value}`;
  return sql`jsonb_typeof(${field}) = 'string' and ${searchDocuments.facets} ->> ${filter.key} ${op} ${String(filter.value)}`;
}
