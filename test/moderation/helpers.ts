import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { moderationLog } from '../../core/moderation/schema.ts';
import type { TestForum } from '../helpers/app.ts';
import { category } from '../forum/helpers.ts';

export async function setup(forum: TestForum) {
  const cat = await category(forum, { name: 'General' });
  const mod = await forum.member({ role: 'moderator', username: 'mod' });
  const alice = await forum.member({ username: 'alice' });
  const bob = await forum.member({ username: 'bob' });
  return { cat, mod, alice, bob };
}

export async function setTrust(forum: TestForum, userId: number, level: number) {
  await forum.deps.db.update(users).set({ trustLevel: level }).where(eq(users.id, userId));
}

export async function logActions(forum: TestForum): Promise<string[]> {
  const rows = await forum.deps.db.select().from(moderationLog).orderBy(moderationLog.id);
  return rows.map((r) => r.action);
}

export async function freshUser(forum: TestForum, id: number) {
  const [row] = await forum.deps.db.select().from(users).where(eq(users.id, id));
  return row!;
}
