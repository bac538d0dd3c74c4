import { Slot } from '../../core/plugins/api.ts';
import type { ViewContext } from '../../core/ui/view-context.ts';
import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory, insertThread } from './helpers.ts';

async function renderSlot(forum: Awaited<ReturnType<typeof createTestForum>>, categoryId: number, threadId: number) {
  const { createTranslator } = await import('../../core/i18n/index.ts');
  const tr = createTranslator('en');
  const vc = { t: tr.t, tr, slots: forum.deps.plugins.slots } as unknown as ViewContext;
  const thread = { id: threadId, title: 'Hello thread' } as never;
  const category = { id: categoryId } as never;
  const node = <Slot name="thread.header" vc={vc} categoryId={categoryId} thread={thread} category={category} />;
  return String(await (node as unknown as { toString(): string | Promise<string> }).toString());
}

describe('plugin UI slots', () => {
  it('render only in categories where the plugin is on', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user } = await forum.member();
    const on = await insertCategory(forum.deps.db, 'On');
    const off = await insertCategory(forum.deps.db, 'Off');
    await forum.deps.pluginHost.state.setCategory('greeter', on.id, true);
    const t1 = await insertThread(forum.deps.db, on.id, user.id);
    const t2 = await insertThread(forum.deps.db, off.id, user.id);
    expect(await renderSlot(forum, on.id, t1.id)).toContain('greeter-banner');
    expect(await renderSlot(forum, off.id, t2.id)).not.toContain('greeter-banner');
  });

  it('entries are keyed: a theme replaces or removes one by its key', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const on = await insertCategory(forum.deps.db, 'On');
    await forum.deps.pluginHost.state.setCategory('greeter', on.id, true);
    const slots = forum.deps.plugins.slots;
    slots.set('thread.header', { key: 'greeter.banner', owner: 'theme', priority: 1, render: () => <p class="themed">themed</p>, active: () => true });
    const html = await renderSlot(forum, on.id, 1);
    expect(html).toContain('themed');
    expect(html).not.toContain('greeter-banner');
    slots.remove('thread.header', 'greeter.banner');
    expect(await renderSlot(forum, on.id, 1)).toBe('');
  });
});
