import { HookRejection } from '../../core/plugins/api.ts';
import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory } from './helpers.ts';

const draft = (categoryId: number, raw: string) => ({ raw, threadId: 1, categoryId, replyToPostId: null });

describe('plugin filters', () => {
  it('transform the value where the plugin is on, and reject with the plugin message', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user } = await forum.member();
    const on = await insertCategory(forum.deps.db, 'On');
    await forum.deps.pluginHost.state.setCategory('greeter', on.id, true);
    const hooks = forum.deps.plugins.hooks;
    const out = await hooks.filter('post.beforeCreate', draft(on.id, 'hullo world'), { user, categoryId: on.id });
    expect(out.raw).toBe('hello world');
    const rejection = await hooks
      .filter('post.beforeCreate', draft(on.id, 'a forbidden word'), { user, categoryId: on.id })
      .catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(HookRejection);
    expect((rejection as HookRejection).messageKey).toBe('greeter.rejected');
  });

  it('do not run without the plugin, or in a category where it is off', async () => {
    const without = await createTestForum();
    const cat = await insertCategory(without.deps.db, 'Any');
    const out = await without.deps.plugins.hooks.filter('post.beforeCreate', draft(cat.id, 'hullo'), { user: null, categoryId: cat.id });
    expect(out.raw).toBe('hullo');

    const forum = await createTestForum({ plugins: [greeter] });
    const off = await insertCategory(forum.deps.db, 'Off');
    const out2 = await forum.deps.plugins.hooks.filter('post.beforeCreate', draft(off.id, 'forbidden hullo'), { user: null, categoryId: off.id });
    expect(out2.raw).toBe('forbidden hullo');
  });

  it('run in priority order', async () => {
    const forum = await createTestForum();
    const order: string[] = [];
    const hooks = forum.deps.plugins.hooks;
    hooks.addFilter('post.render', (v) => (order.push('late'), v), { owner: 'a', priority: 200 });
    hooks.addFilter('post.render', (v) => (order.push('early'), { ...v, html: `${v.html}!` }), { owner: 'b', priority: 10 });
    const out = await hooks.filter('post.render', { html: 'x', raw: 'x' }, { user: null });
    expect(order).toEqual(['early', 'late']);
    expect(out.html).toBe('x!');
  });
});
