import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/index.ts';
import { isStaffViewer, readableAccessLevels, type Viewer } from '../../forum/permissions.ts';
import { categoryAccess } from '../../forum/service/access.ts';
import { allCategories } from '../../forum/service/category-cache.ts';
import { categories, posts, threads } from '../../forum/schema.ts';

export const ACTIVITY_PAGE_SIZE = 20;

/** Position in a member's activity: just after the item with this creation time and id. */
export interface ActivityCursor {
  /** ISO 8601 with microseconds, as Postgres stores it, so no row between two milliseconds is skipped. */
  at: string;
  id: number;
}

const cursorShape = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)_(\d{1,10})$/;

export function parseActivityCursor(value: string | undefined): ActivityCursor | null {
  const match = value ? cursorShape.exec(value) : null;
  if (!match || Number.isNaN(Date.parse(match[1]!))) return null;
  return { at: match[1]!, id: Number(match[2]) };
}

export function formatActivityCursor(cursor: ActivityCursor): string {
  return `${cursor.at}_${cursor.id}`;
}

/**
 * A member's posts (an opening post stands for the thread it started), newest first, limited to what
 * the viewer may read: the category and its parent must both be readable; deleted content is left out.
 */
export async function memberActivity(db: DbOrTx, authorId: number, viewer: Viewer, before: ActivityCursor | null) {
  const levels = readableAccessLevels(viewer);
  // trust-level and group rules live outside the access levels: filter by the categories this viewer may read
  const readableIds = categoryAccess(await allCategories(db), viewer).readableIds;
  const parent = alias(categories, 'parent_category');
  const rows = await db
    .select({
      postId: posts.id,
      number: posts.number,
      createdAt: posts.createdAt,
      cursorAt: sql<string>`to_char(${posts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      // enough of the HTML for an excerpt, without shipping whole long posts
      htmlStart: sql<string>`left(${posts.html}, 2000)`,
      threadId: threads.id,
      threadTitle: threads.title,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .where(
      and(
        eq(posts.authorId, authorId),
        isNull(posts.deletedAt),
        isNull(threads.deletedAt),
        // held for review: the author and staff see it on the thread, not in public activity
        isNull(posts.heldAt),
        isNull(threads.heldAt),
        inArray(categories.readAccess, levels),
        or(isNull(categories.parentId), inArray(parent.readAccess, levels)),
        readableIds.length > 0 ? inArray(threads.categoryId, readableIds) : sql`false`,
        isStaffViewer(viewer) ? undefined : isNull(threads.publishAt),
        before ? sql`(${posts.createdAt}, ${posts.id}) < (${before.at}::timestamptz, ${before.id})` : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(ACTIVITY_PAGE_SIZE + 1);
  const items = rows.slice(0, ACTIVITY_PAGE_SIZE);
  const last = items.at(-1);
  const next = rows.length > ACTIVITY_PAGE_SIZE && last ? { at: last.cursorAt, id: last.postId } : null;
  return { items, next };
}

export type ActivityItem = Awaited<ReturnType<typeof memberActivity>>['items'][number];
