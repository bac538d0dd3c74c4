import { eq } from 'drizzle-orm';
import { users } from '../../core/db/schema.ts';
import { createTestForum } from '../helpers/app.ts';

describe('last seen', () => {
  it('is recorded on a signed-in visit, at most every few minutes', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member();
    await forum.deps.db.update(users).set({ lastSeenAt: null }).where(eq(users.id, user.id));
    await client.get('/');
    await vi.waitFor(async () => {
      const [row] = await forum.deps.db.select({ at: users.lastSeenAt }).from(users).where(eq(users.id, user.id));
      expect(row!.at).not.toBeNull();
    });
    const recent = new Date(Date.now() - 60_000);
    await forum.deps.db.update(users).set({ lastSeenAt: recent }).where(eq(users.id, user.id));
    await client.get('/');
    await new Promise((r) => setTimeout(r, 100));
    const [row] = await forum.deps.db.select({ at: users.lastSeenAt }).from(users).where(eq(users.id, user.id));
    expect(row!.at!.getTime()).toBe(recent.getTime());
  });
});
