import { eq } from 'drizzle-orm';
import type { User } from '../../core/accounts/schema.ts';
import { users } from '../../core/accounts/schema.ts';
import type { TestClient, TestForum } from '../helpers/app.ts';

/** Starts a conversation through the form; returns its id (from the redirect). */
export async function startVia(client: TestClient, fields: Record<string, string>): Promise<number> {
  const res = await client.post('/messages', fields);
  expect(res.status, await res.clone().text()).toBe(303);
  const match = /^\/messages\/(\d+)$/.exec(res.headers.get('location') ?? '');
  expect(match).not.toBeNull();
  return Number(match![1]);
}

/** Makes a member look older than a day (out of the new-member limits). */
export async function backdate(forum: TestForum, user: User, days = 2): Promise<User> {
  const [row] = await forum.deps.db
    .update(users)
    .set({ createdAt: new Date(Date.now() - days * 24 * 3600 * 1000) })
    .where(eq(users.id, user.id))
    .returning();
  return row!;
}

/** The <main> part of a page, so layout text (navigation, footer) does not satisfy assertions. */
export function main(html: string): string {
  return /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
}
