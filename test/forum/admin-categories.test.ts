import { asc } from 'drizzle-orm';
import { categories } from '../../core/forum/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, thread } from './helpers.ts';

const valid = { name: 'Events 活动', slug: '', description: 'Meetups', color: '#00aa55', parentId: '', readAccess: 'everyone', startAccess: 'member', replyAccess: 'member' };

describe('/admin/categories', () => {
  it('is for admins only', async () => {
    const forum = await createTestForum();
    const { client: member } = await forum.member();
    const { client: moderator } = await forum.member({ role: 'moderator' });
    expect((await member.get('/admin/categories')).status).toBe(403);
    expect((await moderator.get('/admin/categories')).status).toBe(403);
    expect((await member.post('/admin/categories/new', valid)).status).toBe(403);
    expect(await forum.deps.db.select().from(categories)).toEqual([]);
    const guest = await forum.client().get('/admin/categories');
    expect([302, 403]).toContain(guest.status);
  });

  it('creates, edits, reorders and deletes through forms', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ role: 'admin' });

    const created = await client.post('/admin/categories/new', valid);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/categories?saved=1');
    const [events] = await forum.deps.db.select().from(categories);
    expect(events).toMatchObject({ name: 'Events 活动', slug: 'events-活动', color: '#00aa55' });

    const list = await (await client.get('/admin/categories')).text();
    expect(list).toContain('Events 活动');
    expect(list).toContain(`/admin/categories/${events!.id}/edit`);

    const form = await (await client.get(`/admin/categories/${events!.id}/edit`)).text();
    expect(form).toContain('value="Events 活动"');

    const edited = await client.post(`/admin/categories/${events!.id}/edit`, { ...valid, name: 'Events', readAccess: 'member' });
    expect(edited.status).toBe(303);
    await client.post('/admin/categories/new', { ...valid, name: 'Second' });
    const [, second] = await forum.deps.db.select().from(categories).orderBy(asc(categories.position));
    expect((await client.post(`/admin/categories/${second!.id}/move`, { direction: 'up' })).status).toBe(303);
    const order = await forum.deps.db.select({ name: categories.name }).from(categories).orderBy(asc(categories.position));
    expect(order.map((r) => r.name)).toEqual(['Second', 'Events']);

    expect((await client.post(`/admin/categories/${second!.id}/delete`)).status).toBe(303);
    expect((await forum.deps.db.select().from(categories)).map((c) => c.name)).toEqual(['Events']);
  });

  it('shows validation errors inline and refuses to delete a category with threads', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member({ role: 'admin' });
    const bad = await client.post('/admin/categories/new', { ...valid, name: '', color: 'red; }' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Give the category a name.');
    expect(html).toContain('Use a colour like #3b82f6.');

    const top = await category(forum, { name: 'Top' });
    const sub = await category(forum, { name: 'Sub', parentId: top.id });
    const deeper = await client.post('/admin/categories/new', { ...valid, name: 'Deeper', parentId: String(sub.id) });
    expect(deeper.status).toBe(422);
    expect(await deeper.text()).toContain('A sub-category cannot be the parent of another category.');

    await thread(forum, user, { categoryId: sub.id });
    const refused = await client.post(`/admin/categories/${sub.id}/delete`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Only empty categories can be deleted');
  });
});
