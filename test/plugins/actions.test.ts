import greeter, { observed } from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory, insertThread } from './helpers.ts';
import type { ActionHooks } from '../../core/plugins/api.ts';

describe('plugin actions', () => {
  it('observe events; a throwing action is logged and does not stop the others', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user } = await forum.member();
    const cat = await insertCategory(forum.deps.db, 'On');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    const thread = await insertThread(forum.deps.db, cat.id, user.id);
    observed.created.length = 0;
    const payload = { post: { id: 1 }, thread, category: cat } as unknown as ActionHooks['post.created'];
    await expect(forum.deps.plugins.hooks.action('post.created', payload, { user, categoryId: cat.id })).resolves.toBeUndefined();
    expect(observed.created).toHaveLength(1);
  });

  it('plugins add their own hooks by declaration merging', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const cat = await insertCategory(forum.deps.db, 'On');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    observed.greeted.length = 0;
    await forum.deps.plugins.hooks.action('greeter.greeted', { threadId: 7, greeting: 'hi' }, { user: null, categoryId: cat.id });
    expect(observed.greeted).toEqual([{ threadId: 7, greeting: 'hi' }]);
  });

  it('plugins fire their own hooks with api.emit from a route', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user, client } = await forum.member();
    const cat = await insertCategory(forum.deps.db, 'On');
    await forum.deps.pluginHost.state.setCategory('greeter', cat.id, true);
    const thread = await insertThread(forum.deps.db, cat.id, user.id);
    observed.greeted.length = 0;
    const res = await client.htmx('POST', `/plugins/greeter/t/${thread.id}/greet`);
    expect(res.status).toBe(200);
    expect(observed.greeted).toEqual([{ threadId: thread.id, greeting: 'Hello' }]);
  });

  it('do not run in a category where the plugin is off', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const off = await insertCategory(forum.deps.db, 'Off');
    observed.greeted.length = 0;
    await forum.deps.plugins.hooks.action('greeter.greeted', { threadId: 7, greeting: 'hi' }, { user: null, categoryId: off.id });
    expect(observed.greeted).toEqual([]);
  });
});
