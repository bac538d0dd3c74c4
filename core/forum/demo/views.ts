import { sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { threads } from '../schema.ts';

/** Plausible view counts (a fresh demo has never been viewed): a few readers per reply and like. */
export async function applyDemoViews(db: Db): Promise<void> {
  await db.update(threads).set({
    viewCount: sql`${threads.replyCount} * 17 + ${threads.likeCount} * 9 + (${threads.id} * 7) % 23 + 5`,
  });
}
