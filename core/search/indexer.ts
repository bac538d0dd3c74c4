import { and, asc, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { SearchDoc } from './documents.ts';
import type { MeiliEngine } from './meili/engine.ts';
import { resolveRefs, type IndexRefs } from './resolve.ts';
import { searchDocuments, searchEnginePending, searchOutbox, type SearchDocumentRow } from './schema.ts';
import { deleteDocs, followThreads, markPending, writeDocs } from './store.ts';

/** Only one indexer applies the outbox at a time (several instances may poll): a stale read never overwrites a newer one. */
const INDEXER_LOCK = 4_711_001;

/**
 * Applies up to `batch` outbox entries to the built-in index in one transaction and, with an external
 * engine, marks the touched documents for it. Returns how many entries were consumed.
 */
export async function applyOutbox(db: Db, options: { external: boolean; batch?: number }): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INDEXER_LOCK})`);
    const rows = await tx.select().from(searchOutbox).orderBy(asc(searchOutbox.id)).limit(options.batch ?? 500);
    if (!rows.length) return 0;
    const refs: IndexRefs = { threads: new Set(), posts: new Set(), members: new Set() };
    for (const row of rows) {
      if (row.kind === 'thread') refs.threads.add(row.refId);
      else if (row.kind === 'post') refs.posts.add(row.refId);
      else if (row.kind === 'member') refs.members.add(row.refId);
    }
    const resolved = await resolveRefs(tx, refs);
    const written = await writeDocs(tx, resolved.upserts);
    const upserted = new Set(written);
    const dropped = await deleteDocs(tx, resolved.deletes.filter((id) => !upserted.has(id)));
    const followed = await followThreads(tx, resolved.threadState);
    if (options.external) await markPending(tx, [...written, ...dropped, ...followed]);
    await tx.delete(searchOutbox).where(inArray(searchOutbox.id, rows.map((r) => r.id)));
    return rows.length;
  });
}

export function rowToDoc(row: SearchDocumentRow): SearchDoc {
  return {
    docId: row.docId,
    type: row.type,
    sourceId: row.sourceId,
    title: row.title,
    body: row.body,
    tags: row.tags,
    url: row.url,
    categoryId: row.categoryId,
    threadId: row.threadId,
    authorId: row.authorId,
    authorName: row.authorName,
    createdAt: row.createdAt,
    facets: row.facets,
    hidden: row.hidden,
  };
}

/**
 * Sends pending documents to Meilisearch (their current rows; a missing or hidden row is a delete)
 * and waits for the tasks. On failure the batch is retried later with backoff; the error is rethrown
 * so the caller can report the engine as degraded.
 */
export async function syncExternal(db: Db, engine: MeiliEngine | null, batch = 500): Promise<number> {
  if (!engine) {
    // no external engine: nothing will ever read these marks (plugin documents always leave one)
    await db.delete(searchEnginePending);
    return 0;
  }
  const pending = await db
    .select()
    .from(searchEnginePending)
    .where(lte(searchEnginePending.nextAttemptAt, sql`now()`))
    .orderBy(asc(searchEnginePending.queuedAt))
    .limit(batch);
  if (!pending.length) return 0;
  const ids = pending.map((p) => p.docId);
  const newest = pending.reduce((max, p) => (p.nextAttemptAt > max ? p.nextAttemptAt : max), pending[0]!.nextAttemptAt);
  const rows = await db.select().from(searchDocuments).where(inArray(searchDocuments.docId, ids));
  const visible = rows.filter((r) => !r.hidden);
  const visibleIds = new Set(visible.map((r) => r.docId));
  try {
    await engine.put(visible.map(rowToDoc));
    await engine.remove(ids.filter((id) => !visibleIds.has(id)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(searchEnginePending)
      .set({
        attempts: sql`${searchEnginePending.attempts} + 1`,
        nextAttemptAt: sql`now() + least(power(2, ${searchEnginePending.attempts}), 60) * interval '1 second'`,
        lastError: message.slice(0, 500),
      })
      .where(inArray(searchEnginePending.docId, ids));
    throw error;
  }
  // a document marked again while we were sending keeps its mark (its newer time)
  await db.delete(searchEnginePending).where(and(inArray(searchEnginePending.docId, ids), lte(searchEnginePending.nextAttemptAt, new Date(newest.getTime() + 1))));
  return pending.length;
}
