import type { SlotName } from '../../core/plugins/slots.tsx';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category, reply, thread } from './helpers.ts';

/** A plugin-like slot entry that prints where it rendered and which category it was scoped to. */
function mark(forum: TestForum, name: SlotName, onlyCategory?: number) {
  forum.deps.plugins.slots.set(name, {
    key: `test-${name}`,
    owner: 'test',
    priority: 100,
    render: () => <i class="slot-mark">{`[${name}]`}</i>,
    active: (categoryId) => onlyCategory === undefined || categoryId === onlyCategory,
  });
}

describe('category pages', () => {
  it('/categories shows readable categories with sub-categories, counts and latest thread', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member();
    const tech = await category(forum, { name: '技术交流', description: 'Talk about code' });
    const rust = await category(forum, { name: 'Rust 语言', parentId: tech.id });
    await category(forum, { name: 'Staff lounge', parentId: tech.id, readAccess: 'admin' });
    const { thread: t } = await thread(forum, user, { categoryId: rust.id, title: '所有权到底是什么' });
    await reply(forum, user, t.id);
    const html = await (await client.get('/categories')).text();
    expect(html).toContain(`<a href="/c/${encodeURIComponent('技术交流')}">技术交流</a>`);
    expect(html).toContain('Talk about code');
    expect(html).toContain(`class="category-chip cat-${rust.id}" href="/c/${encodeURIComponent('rust-语言')}">Rust 语言</a>`);
    expect(html).toContain('1 thread');
    expect(html).toContain('2 posts');
    expect(html).toContain('所有权到底是什么');
    expect(html).not.toContain('Staff lounge');
  });

  it('/c/:slug works with CJK slugs, lists sub-categories and renders the category.header slot', async () => {
    const forum = await createTestForum();
    mark(forum, 'category.header');
    const { user, client } = await forum.member();
    const tech = await category(forum, { name: '技术交流' });
    const sub = await category(forum, { name: '前端', parentId: tech.id });
    await thread(forum, user, { categoryId: sub.id, title: 'CSS 居中的十种方法' });
    const res = await client.get(`/c/${encodeURIComponent('技术交流')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="category-chip cat-1">技术交流</h1>');
    expect(html).toContain(`href="/c/${encodeURIComponent('前端')}"`);
    expect(html).toContain('CSS 居中的十种方法');
    expect(html).toContain('[category.header]');
    expect(html).toContain(`href="/c/${encodeURIComponent('技术交流')}/new"`);
    expect((await client.get('/c/no-such-category')).status).toBe(404);
  });
});

describe('slots', () => {
  it('places thread, post, composer and sidebar slots, scoped to their category', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member();
    const inScope = await category(forum, { name: 'Plugin land' });
    const outOfScope = await category(forum, { name: 'Plain land' });
    for (const name of ['thread.header', 'thread.belowFirstPost', 'post.footer', 'composer.extras'] as const) mark(forum, name, inScope.id);
    mark(forum, 'sidebar');
    const { thread: a } = await thread(forum, user, { categoryId: inScope.id, title: 'Scoped thread' });
    await reply(forum, user, a.id);
    const { thread: b } = await thread(forum, user, { categoryId: outOfScope.id, title: 'Unscoped thread' });

    const scoped = await (await client.get(`/t/${a.id}/${a.slug}`)).text();
    expect(scoped.match(/\[thread.header\]/g)).toHaveLength(1);
    expect(scoped.match(/\[thread.belowFirstPost\]/g)).toHaveLength(1);
    expect(scoped.match(/\[post.footer\]/g)).toHaveLength(2);
    expect(scoped.match(/\[composer.extras\]/g)).toHaveLength(1);
    expect(scoped.indexOf('[thread.belowFirstPost]')).toBeGreaterThan(scoped.indexOf('id="post-1"'));
    expect(scoped.indexOf('[thread.belowFirstPost]')).toBeLessThan(scoped.indexOf('id="post-2"'));

    const plain = await (await client.get(`/t/${b.id}/${b.slug}`)).text();
    expect(plain).not.toContain('slot-mark');
    expect(await (await client.get('/')).text()).toContain('[sidebar]');
    expect(await (await client.get(`/new?category=${inScope.id}`)).text()).toContain('[composer.extras]');
  });
});
