import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { moderationLog } from '../../core/moderation/schema.ts';
import { trustLevelChanges } from '../../core/trust/schema.ts';
import { createTestForum } from '../helpers/app.ts';

describe('/admin/members', () => {
  it('finds members by name or email and shows their activity', async () => {
    const forum = await createTestForum();
    const { client: admin } = await forum.member({ role: 'admin' });
    const { user: alice } = await forum.member({ username: 'alice', email: 'alice@example.org' });
    await forum.member({ username: 'bob' });
    const byName = await (await admin.get('/admin/members?q=ali')).text();
    expect(byName).toContain('@alice');
    expect(byName).not.toContain('@bob');
    expect(await (await admin.get('/admin/members?q=alice%40example')).text()).toContain('@alice');
    const page = await (await admin.get(`/admin/members/${alice.id}`)).text();
    expect(page).toContain('Days visited');
    expect(page).toContain('Trust level 0');
  });

  it('changes a role with a reason, logged; never one’s own; members cannot', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { user: adminUser, client: admin } = await forum.member({ role: 'admin' });
    const { user: alice, client: aliceClient } = await forum.member();
    expect((await admin.post(`/admin/members/${alice.id}/role`, { role: 'moderator', reason: 'Runs the market' })).status).toBe(303);
    expect((await db.select().from(users).where(eq(users.id, alice.id)))[0]!.role).toBe('moderator');
    const [entry] = await db.select().from(moderationLog).where(eq(moderationLog.action, 'user.role'));
    expect(entry).toMatchObject({ actorId: adminUser.id, targetUserId: alice.id, reason: 'Runs the market', before: { role: 'member' }, after: { role: 'moderator' } });
    const self = await admin.post(`/admin/members/${adminUser.id}/role`, { role: 'member' });
    expect(self.status).toBe(400);
    expect(await self.text()).toContain('You cannot change your own role.');
    expect((await aliceClient.post(`/admin/members/${adminUser.id}/role`, { role: 'member' })).status).toBe(403);

    expect((await admin.post(`/admin/members/${alice.id}/trust`, { level: '3', locked: 'on', note: 'known organiser' })).status).toBe(303);
    expect((await db.select().from(users).where(eq(users.id, alice.id)))[0]).toMatchObject({ trustLevel: 3, trustLevelLocked: true });
    expect(await db.select().from(trustLevelChanges)).toHaveLength(1);
    expect(await db.select().from(moderationLog).where(eq(moderationLog.action, 'trust.change'))).toHaveLength(1);
  });

  it('saves the registration mode and logo from the settings page', async () => {
    const forum = await createTestForum();
    const { client: admin } = await forum.member({ role: 'admin' });
    const base = { forumName: 'Neighbours', description: '', defaultLocale: 'en', timeZone: 'UTC' };
    expect((await admin.post('/admin/settings', { ...base, registrationMode: 'approval', logoUrl: '/uploads/logo.png' })).status).toBe(303);
    const home = await (await forum.client().get('/latest')).text();
    expect(home).toContain('class="brand-logo" src="/uploads/logo.png"');
    expect((await admin.post('/admin/settings', { ...base, registrationMode: 'approval', logoUrl: 'javascript:alert(1)' })).status).toBe(400);
  });
});
