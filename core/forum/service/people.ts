import { inArray } from 'drizzle-orm';
import { users, type User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';

/** What a post or a thread row shows about a member. */
export type Author = Pick<User, 'id' | 'username' | 'displayName' | 'role'>;

/** The members behind a page of threads or posts, in one query. */
export async function authorsByIds(db: DbOrTx, ids: Iterable<number | null>): Promise<Map<number, Author>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
