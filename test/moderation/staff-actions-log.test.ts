import { moderationLog } from '../../core/moderation/schema.ts';
import { thread } from '../forum/helpers.ts';
import { createTestForum } from '../helpers/app.ts';
import { logActions, setup } from './helpers.ts';

describe('the moderation log and the thread staff tools', () => {
  it('records pin, lock, feature, delete and restore with who, what and before/after', async () => {
    const forum = await createTestForum();
    const { cat, mod, alice } = await setup(forum);
    const { thread: t } = await thread(forum, alice.user, { categoryId: cat.id, title: 'Pin me, lock me' });

    expect((await mod.client.post(`/t/${t.id}/pin`, { pinned: 'category' })).status).toBe(303);
    expect((await mod.client.post(`/t/${t.id}/lock`, { locked: '1' })).status).toBe(303);
    expect((await mod.client.post(`/t/${t.id}/feature`, { featured: '1' })).status).toBe(303);
    expect((await mod.client.post(`/t/${t.id}/delete`)).status).toBe(303);
    expect((await mod.client.post(`/t/${t.id}/restore`)).status).toBe(303);
    // a member's attempt changes nothing and logs nothing
    expect((await alice.client.post(`/t/${t.id}/lock`, { locked: '0' })).status).toBeGreaterThanOrEqual(400);

    expect(await logActions(forum)).toEqual(['thread.pinned', 'thread.locked', 'thread.featured', 'thread.delete', 'thread.restore']);
    const [pin] = await forum.deps.db.select().from(moderationLog).orderBy(moderationLog.id).limit(1);
    expect(pin).toMatchObject({ actorId: mod.user.id, targetType: 'thread', targetId: t.id, targetUserId: alice.user.id, before: { pinned: 'none' }, after: { pinned: 'category' } });
  });
});
