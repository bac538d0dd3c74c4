import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { categories } from '../../core/forum/schema.ts';
import { groups } from '../../core/groups/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';

describe('groups', () => {
  it('admins create a group with a flair, add members; the flair shows next to their names', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { client: admin } = await forum.member({ role: 'admin' });
    const { user: volunteer } = await forum.member({ username: 'helper' });
    expect((await admin.post('/admin/groups', { name: '志愿者', flair: '志愿者', flairColor: 'green' })).status).toBe(303);
    expect((await admin.post('/admin/groups', { name: '志愿者', flair: 'x' })).status).toBe(400);
    expect((await admin.post('/admin/groups', { name: '<b>x</b>', flairColor: 'chartreuse' })).status).toBe(400);
    const [group] = await db.select().from(groups);
    expect((await admin.post(`/admin/groups/${group!.id}/members`, { username: 'helper' })).status).toBe(303);
    expect((await db.select().from(users).where(eq(users.id, volunteer.id)))[0]!.groupIds).toEqual([group!.id]);

    const cat = await category(forum, { name: 'General' });
    const t = await thread(forum, volunteer, { categoryId: cat.id, title: 'Volunteers needed on Sunday' });
    const page = await (await forum.client().get(`/t/${t.thread.id}/${t.thread.slug}`)).text();
    expect(page).toContain('class="flair flair-green"');
    const profile = await (await forum.client().get('/u/helper')).text();
    expect(profile).toContain('flair flair-green');
    expect(profile).toContain('Trust level 0');
  });

  it('restricts a category’s reading and posting to listed groups; deleting the group lifts it everywhere', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { user: adminUser, client: admin } = await forum.member({ role: 'admin' });
    await admin.post('/admin/groups', { name: 'Merchants', flair: '认证商家' });
    const [group] = await db.select().from(groups);
    const res = await admin.post('/admin/categories/new', {
      name: 'Merchant corner',
      readAccess: 'everyone',
      startAccess: 'member',
      replyAccess: 'member',
      minTrustRead: '0',
      minTrustStart: '0',
      minTrustReply: '0',
      [`readGroup.${group!.id}`]: 'on',
      [`startGroup.${group!.id}`]: 'on',
    });
    expect(res.status).toBe(303);
    const [corner] = await db.select().from(categories).where(eq(categories.name, 'Merchant corner'));
    expect(corner!.readGroupIds).toEqual([group!.id]);
    const t = await thread(forum, adminUser, { categoryId: corner!.id, title: 'Stall rotation this month' });

    const { user: merchant, client: merchantClient } = await forum.member({ username: 'seller' });
    const { client: outsider } = await forum.member();
    await admin.post(`/admin/groups/${group!.id}/members`, { username: 'seller' });
    expect((await outsider.get(`/t/${t.thread.id}/${t.thread.slug}`)).status).toBe(404);
    expect((await forum.client().get(`/t/${t.thread.id}/${t.thread.slug}`)).status).toBe(404);
    expect(await (await outsider.get('/categories')).text()).not.toContain('Merchant corner');
    expect((await merchantClient.get(`/t/${t.thread.id}/${t.thread.slug}`)).status).toBe(200);
    const started = await merchantClient.post('/new', { categoryId: String(corner!.id), title: 'Fresh bread every morning', raw: 'At stall 4.' });
    expect(started.status).toBe(303);
    const refused = await outsider.post('/new', { categoryId: String(corner!.id), title: 'Let me in please', raw: 'Hello.' });
    expect(refused.status).toBe(422);
    void merchant;

    expect((await admin.post(`/admin/groups/${group!.id}/delete`)).status).toBe(303);
    const [after] = await db.select().from(categories).where(eq(categories.id, corner!.id));
    expect(after!.readGroupIds).toEqual([]);
    expect((await db.select().from(users).where(eq(users.username, 'seller')))[0]!.groupIds).toEqual([]);
  });
});
