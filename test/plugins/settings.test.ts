import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory } from './helpers.ts';

describe('plugin settings', () => {
  it('start at the schema defaults', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    expect(await forum.deps.pluginHost.settingsFor('greeter')).toEqual({ greeting: 'Hello', shout: false, times: 1, style: 'plain' });
  });

  it('are edited on /admin/plugins through a form generated from the zod schema', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const cat = await insertCategory(forum.deps.db, 'General');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    const { client } = await forum.member({ role: 'admin' });
    const page = await (await client.get('/admin/plugins')).text();
    expect(page).toContain('name="greeting"');
    expect(page).toMatch(/type="checkbox"[^>]*name="shout"/);
    expect(page).toMatch(/<select[^>]*name="style"/);
    const res = await client.post('/admin/plugins/greeter/settings', { greeting: 'Hi', shout: 'on', times: '2', style: 'fancy' });
    expect(res.status).toBe(303);
    expect(await (await client.get('/plugins/greeter/hello')).text()).toBe('HIHI');
  });

  it('refuse invalid values with a 400 and keep the old ones', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { client } = await forum.member({ role: 'admin' });
    const res = await client.post('/admin/plugins/greeter/settings', { greeting: 'Hi', times: '99', style: 'plain' });
    expect(res.status).toBe(400);
    expect((await forum.deps.pluginHost.settingsFor('greeter')).times).toBe(1);
  });

  it('are overridden per category only for the keys the plugin allows', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const a = await insertCategory(forum.deps.db, 'A');
    const b = await insertCategory(forum.deps.db, 'B');
    const { client } = await forum.member({ role: 'admin' });
    await client.post('/admin/plugins/greeter/categories', { category: [String(a.id), String(b.id)] });
    await client.post(`/admin/plugins/greeter/categories/${a.id}/overrides`, { greeting: '你好' });
    expect((await forum.deps.pluginHost.settingsFor('greeter', a.id)).greeting).toBe('你好');
    expect((await forum.deps.pluginHost.settingsFor('greeter', b.id)).greeting).toBe('Hello');
    await forum.deps.pluginHost.state.setCategory('greeter', b.id, true, { times: 5 });
    expect((await forum.deps.pluginHost.settingsFor('greeter', b.id)).times).toBe(1);
  });

  it('are only for admins', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { client } = await forum.member();
    expect((await client.get('/admin/plugins')).status).toBe(403);
    expect((await client.post('/admin/plugins/greeter/settings', { greeting: 'x' })).status).toBe(403);
  });
});
