import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { CORE_TYPES, searchVector, type SearchDoc } from './documents.ts';
import { searchDocuments, searchEnginePending } from './schema.ts';

/** Writes documents into the built-in index (insert or replace). Returns their ids. */
export async function writeDocs(db: DbOrTx, docs: SearchDoc[]): Promise<string[]> {
  if (!docs.length) return [];
  const unique = [...new Map(docs.map((d) => [d.docId, d])).values()];
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    await db
      .insert(searchDocuments)
      .values(chunk.map((d) => ({ ...d, searchVector: searchVector(d), indexedAt: new Date() })))
      .onConflictDoUpdate({
        target: searchDocuments.docId,
        set: {
          type: sql`excluded.type`,
          sourceId: sql`excluded.source_id`,
          title: sql`excluded.title`,
          body: sql`excluded.body`,
          tags: sql`excluded.tags`,
          url: sql`excluded.url`,
          categoryId: sql`excluded.category_id`,
          threadId: sql`excluded.thread_id`,
          authorId: sql`excluded.author_id`,
          authorName: sql`excluded.author_name`,
          createdAt: sql`excluded.created_at`,
          facets: sql`excluded.facets`,
          hidden: sql`excluded.hidden`,
          searchVector: sql`excluded.search_vector`,
          indexedAt: sql`excluded.indexed_at`,
        },
      });
  }
  return unique.map((d) => d.docId);
}

export async function deleteDocs(db: DbOrTx, docIds: string[]): Promise<string[]> {
  if (!docIds.length) return [];
  const unique = [...new Set(docIds)];
  await db.delete(searchDocuments).where(inArray(searchDocuments.docId, unique));
  return unique;
}

/**
 * Plugin documents attached to a thread follow it: hidden while the thread is out of sight, and in
 * the thread's category (for permission filtering) otherwise. Returns the ids that changed.
 */
export async function followThreads(db: DbOrTx, state: Map<number, number | null>): Promise<string[]> {
  const changed: string[] = [];
  for (const [threadId, categoryId] of state) {
    const rows = await db
      .update(searchDocuments)
      .set(categoryId === null ? { hidden: true } : { hidden: false, categoryId })
      .where(
        and(
          eq(searchDocuments.threadId, threadId),
          isNotNull(searchDocuments.threadId),
          notInArray(searchDocuments.type, [...CORE_TYPES]),
        ),
      )
      .returning({ docId: searchDocuments.docId });
    changed.push(...rows.map((r) => r.docId));
  }
  return changed;
}

/** Marks documents for the external engine (Meilisearch) to pick up: their current row is the truth. */
export async function markPending(db: DbOrTx, docIds: string[]): Promise<void> {
  const unique = [...new Set(docIds)];
  for (let i = 0; i < unique.length; i += 500) {
    await db
      .insert(searchEnginePending)
      .values(unique.slice(i, i + 500).map((docId) => ({ docId })))
      .onConflictDoUpdate({
        target: searchEnginePending.docId,
        set: { nextAttemptAt: sql`now()` },
      });
  }
}
