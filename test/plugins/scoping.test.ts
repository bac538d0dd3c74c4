import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory, insertThread } from './helpers.ts';

describe('per-category enablement (enforced by the runtime)', () => {
  it('a category plugin starts switched off everywhere', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const cat = await insertCategory(forum.deps.db, 'General');
    expect(forum.deps.pluginHost.isActive('greeter', cat.id)).toBe(false);
    expect((await forum.client().get('/plugins/greeter/hello')).status).toBe(404);
  });

  it('routes for content in a category where it is off answer 404', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user } = await forum.member();
    const on = await insertCategory(forum.deps.db, 'On');
    const off = await insertCategory(forum.deps.db, 'Off');
    await forum.deps.pluginHost.state.setCategory('greeter', on.id, true);
    const inOn = await insertThread(forum.deps.db, on.id, user.id, 'In on');
    const inOff = await insertThread(forum.deps.db, off.id, user.id, 'In off');
    const client = forum.client();
    expect(await (await client.get(`/plugins/greeter/t/${inOn.id}`)).text()).toBe('Hello, In on');
    expect((await client.get(`/plugins/greeter/t/${inOff.id}`)).status).toBe(404);
  });

  it('a plugin route never shows a thread the member cannot read', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user } = await forum.member({ role: 'admin' });
    const staff = await insertCategory(forum.deps.db, 'Staff', 'moderator');
    await forum.deps.pluginHost.state.setCategory('greeter', staff.id, true);
    const secret = await insertThread(forum.deps.db, staff.id, user.id, 'Secret');
    expect((await forum.client().get(`/plugins/greeter/t/${secret.id}`)).status).toBe(404);
    const { client: admin } = await forum.member({ role: 'admin' });
    expect((await admin.get(`/plugins/greeter/t/${secret.id}`)).status).toBe(200);
  });

  it('admins switch it on per category from /admin/plugins', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const a = await insertCategory(forum.deps.db, 'A');
    const b = await insertCategory(forum.deps.db, 'B');
    const { client } = await forum.member({ role: 'admin' });
    await client.post('/admin/plugins/greeter/categories', { category: String(a.id) });
    expect(forum.deps.pluginHost.isActive('greeter', a.id)).toBe(true);
    expect(forum.deps.pluginHost.isActive('greeter', b.id)).toBe(false);
    await client.post('/admin/plugins/greeter/categories', {});
    expect(forum.deps.pluginHost.isActive('greeter', a.id)).toBe(false);
  });
});

describe('/admin/categories/:id', () => {
  it('shows which category plugins are on there and switches them', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const cat = await insertCategory(forum.deps.db, 'General');
    const { client } = await forum.member({ role: 'admin' });
    const before = await (await client.get(`/admin/categories/${cat.id}`)).text();
    expect(before).toContain('Greeter');
    expect(before).toContain('Disabled');
    await client.post(`/admin/categories/${cat.id}/plugins/greeter`, { enabled: 'true' });
    expect(forum.deps.pluginHost.isActive('greeter', cat.id)).toBe(true);
    expect(await (await client.get(`/admin/categories/${cat.id}`)).text()).toContain('Enabled');
  });
});
