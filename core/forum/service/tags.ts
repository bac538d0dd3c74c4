import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared.ts';
import type { DbOrTx } from '../../db/index.ts';
import { ValidationError } from '../../http/validation.ts';
import { tags, threadTags } from '../schema.ts';
import { add } from './counters.ts';

export const MAX_TAGS = 5;
const tagPattern = /^[\p{L}\p{N}_-]{1,30}$/u;

/** "Rust, 新手  help" → ["rust", "新手", "help"]: lower-cased, distinct, each checked. */
export function parseTags(input: string | string[]): string[] {
  const parts = (Array.isArray(input) ? input : [input]).flatMap((s) => s.split(/[,，、\s]+/u));
  const names = [...new Set(parts.map((p) => p.normalize('NFKC').trim().toLowerCase()).filter(Boolean))];
  if (names.some((n) => !tagPattern.test(n))) throw new ValidationError({ tags: 'forum.tags.invalid' });
  if (names.length > MAX_TAGS) throw new ValidationError({ tags: 'forum.tags.tooMany' });
  return names;
}

export interface TagPolicy {
  /** The site's restrictTags setting. */
  restricted: boolean;
  staff: boolean;
}

/**
 * The ids of the named tags, creating missing ones. When tags are restricted only official tags may be used
 * and only staff may add new ones (which are official, being staff-made).
 */
export async function resolveTags(tx: DbOrTx, names: string[], policy: TagPolicy): Promise<number[]> {
  if (names.length === 0) return [];
  if (policy.restricted && !policy.staff) {
    const allowed = await tx
      .select({ id: tags.id, name: tags.name })
      .from(tags)
      .where(and(inArray(tags.name, names), eq(tags.official, true)));
    if (allowed.length !== names.length) throw new ValidationError({ tags: 'forum.tags.restricted' });
    return allowed.map((t) => t.id);
  }
  await tx
    .insert(tags)
    .values(names.map((name) => ({ name, official: policy.staff })))
    .onConflictDoNothing({ target: tags.name });
  const rows = await tx.select({ id: tags.id }).from(tags).where(inArray(tags.name, names));
  return rows.map((r) => r.id);
}

export async function attachTags(tx: DbOrTx, threadId: number, tagIds: number[]): Promise<void> {
  if (tagIds.length === 0) return;
  await tx.insert(threadTags).values(tagIds.map((tagId) => ({ threadId, tagId })));
  await tx.update(tags).set({ threadCount: add(tags.threadCount, 1) }).where(inArray(tags.id, tagIds));
}

/** Keeps tag counts to visible threads when a thread is hidden (-1) or shown again (+1). */
export async function adjustTagCounts(tx: DbOrTx, threadId: number, delta: number): Promise<void> {
  const rows = await tx.select({ tagId: threadTags.tagId }).from(threadTags).where(eq(threadTags.threadId, threadId));
  if (rows.length === 0) return;
  await tx.update(tags).set({ threadCount: add(tags.threadCount, delta) }).where(inArray(tags.id, rows.map((r) => r.tagId)));
}

/** Tag names per thread for a page of threads, in one query. */
export async function tagsForThreads(db: DbOrTx, threadIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (threadIds.length === 0) return out;
  const query = prepared(db, 'tags.forThreads', (d) =>
    d
      .select({ threadId: threadTags.threadId, name: tags.name })
      .from(threadTags)
      .innerJoin(tags, eq(tags.id, threadTags.tagId))
      .where(sql`${threadTags.threadId} = any(${sql.placeholder('threadIds')}::int[])`)
      .orderBy(asc(tags.name))
      .prepare('tags_for_threads'),
  );
  const rows = await query.execute({ threadIds });
  for (const row of rows) out.set(row.threadId, [...(out.get(row.threadId) ?? []), row.name]);
  return out;
}

export async function findTag(db: DbOrTx, name: string) {
  const [row] = await db.select().from(tags).where(eq(tags.name, name.normalize('NFKC').toLowerCase())).limit(1);
  return row;
}
