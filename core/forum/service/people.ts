import { inArray, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared.ts';
import { users, type User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { flairLookup } from '../../groups/cache.ts';
import type { Flair } from '../../groups/flair.ts';

/** What a post or a thread row shows about a member; flairs are their groups' labels (core/groups). */
export type Author = Pick<User, 'id' | 'username' | 'displayName' | 'role'> & Partial<Pick<User, 'avatarKey'>> & { flairs?: Flair[] };

/** The members behind a page of threads or posts, in one query. */
export async function authorsByIds(db: DbOrTx, ids: Iterable<number | null>): Promise<Map<number, Author>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const query = prepared(db, 'people.authors', (d) =>
    d
      .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, avatarKey: users.avatarKey, groupIds: users.groupIds })
      .from(users)
      .where(sql`${users.id} = any(${sql.placeholder('ids')}::int[])`)
      .prepare('authors_by_ids'),
  );
  const [rows, flairs] = await Promise.all([query.execute({ ids: wanted }), flairLookup(db)]);
  return new Map(rows.map(({ groupIds, ...r }) => [r.id, { ...r, flairs: flairs(groupIds) }]));
}
