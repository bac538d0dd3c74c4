import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { inviteRedemptions, invites } from '../../core/invites/schema.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';

async function inviteCode(forum: TestForum, client: Awaited<ReturnType<TestForum['member']>>['client'], fields = { maxUses: '1', days: '7' }) {
  const res = await client.post('/invites', fields);
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, 'http://x').searchParams.get('created')!;
}

function register(forum: TestForum, name: string, invite?: string) {
  return forum.client().post('/register', {
    username: name,
    email: `${name}@example.com`,
    password: 'correct horse battery',
    ...(invite ? { invite } : {}),
  });
}

describe('invitations', () => {
  it('lets members from the configured level create links; records who invited whom and emits invite.accepted', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { user: newbie, client: newbieClient } = await forum.member();
    expect((await newbieClient.post('/invites', { maxUses: '1', days: '7' })).status).toBe(403);
    expect(await (await newbieClient.get('/invites')).text()).toContain('Members from trust level 1 can invite people');
    await db.update(users).set({ trustLevel: 1 }).where(eq(users.id, newbie.id));
    const accepted: [number, string][] = [];
    forum.deps.plugins.hooks.addAction('invite.accepted', ({ inviterId, user }) => void accepted.push([inviterId, user.username]), { owner: 'test' });

    const code = await inviteCode(forum, newbieClient);
    const page = await (await forum.client().get(`/register?invite=${code}`)).text();
    expect(page).toContain(`${newbie.displayName} invited you`);
    expect(page).toContain(`name="invite" value="${code}"`);
    expect((await register(forum, 'friend', code)).status).toBe(303);
    expect(accepted).toEqual([[newbie.id, 'friend']]);
    const [redemption] = await db.select().from(inviteRedemptions);
    expect(redemption).toMatchObject({ inviterId: newbie.id });

    // single use: the second person is told the link is used up
    const second = await register(forum, 'latecomer', code);
    expect(second.status).toBe(400);
    expect(await second.text()).toContain('This invite link cannot be used');
    expect(await db.select().from(users).where(eq(users.username, 'latecomer'))).toHaveLength(0);

    const board = await (await forum.client().get('/invites/leaderboard?period=all')).text();
    expect(board).toContain(newbie.displayName);
    expect(board).toContain('1 invited');
  });

  it('enforces the forum’s limits on uses, lifetime and open links, and expiry', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { client } = await forum.member({ role: 'admin' });
    expect((await client.post('/invites', { maxUses: '5000', days: '7' })).status).toBe(400);
    expect((await client.post('/invites', { maxUses: '2', days: '400' })).status).toBe(400);
    expect((await client.post('/invites', { maxUses: '0', days: '7' })).status).toBe(400);
    const code = await inviteCode(forum, client, { maxUses: '2', days: '1' });
    expect((await register(forum, 'first', code)).status).toBe(303);
    // expired before the second use
    await db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.code, code));
    expect((await register(forum, 'second', code)).status).toBe(400);
    for (let i = 0; i < 10; i++) await inviteCode(forum, client);
    const over = await client.post('/invites', { maxUses: '1', days: '7' });
    expect(over.status).toBe(400);
    expect(await over.text()).toContain('as many open invite links as allowed');
  });

  it('invite-only mode turns away registrations without a usable link', async () => {
    const forum = await createTestForum();
    await updateSiteSettings(forum.deps.db, { registrationMode: 'invite' });
    const page = await forum.client().get('/register');
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('invitation only');
    expect((await register(forum, 'stranger')).status).toBe(403);
    const { client } = await forum.member({ role: 'admin' });
    const code = await inviteCode(forum, client);
    expect((await forum.client().get(`/register?invite=${code}`)).status).toBe(200);
    expect((await register(forum, 'welcomed', code)).status).toBe(303);
  });
});
