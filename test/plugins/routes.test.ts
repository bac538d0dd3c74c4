import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory, insertThread } from './helpers.ts';

describe('plugin routes', () => {
  it('mounts a plugin sub-app under /plugins/<id> with typed settings', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const cat = await insertCategory(forum.deps.db, 'General');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    const res = await forum.client().get('/plugins/greeter/hello');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('Hello');
  });

  it('does not exist without the plugin', async () => {
    const forum = await createTestForum();
    const res = await forum.client().get('/plugins/greeter/hello');
    expect(res.status).toBe(404);
  });

  it('answers 404 when the plugin is disabled, and keeps its data', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user } = await forum.member();
    const cat = await insertCategory(forum.deps.db, 'General');
    const thread = await insertThread(forum.deps.db, cat.id, user.id);
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    expect((await forum.client().get(`/plugins/greeter/t/${thread.id}`)).status).toBe(200);
    await forum.deps.pluginHost.state.setEnabled('greeter', false);
    expect((await forum.client().get(`/plugins/greeter/t/${thread.id}`)).status).toBe(404);
    const rows = await forum.deps.database.rows<{ n: number }>(
      (await import('drizzle-orm')).sql`select count(*)::int as n from greeter_visits`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('serves declared assets cache-busted under the plugin prefix', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const cat = await insertCategory(forum.deps.db, 'General');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    const html = await (await forum.client().get('/')).text();
    const href = /href="(\/plugins\/greeter\/assets\/[0-9a-f]{12}\/greeter\.css)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const res = await forum.client().get(href!);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toContain('.greeter-banner');
  });

  it('mounts admin pages behind the admin guard', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const cat = await insertCategory(forum.deps.db, 'General');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    const { client: admin } = await forum.member({ role: 'admin' });
    const { client: member } = await forum.member();
    expect(await (await admin.get('/admin/plugins/greeter/report')).text()).toBe('greeter report');
    expect((await member.get('/admin/plugins/greeter/report')).status).toBe(403);
  });
});
