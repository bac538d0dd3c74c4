import { eq } from 'drizzle-orm';
import { posts, threads } from '../../core/forum/schema.ts';
import { deletePost, restorePost } from '../../core/forum/service/delete-post.ts';
import { editPost } from '../../core/forum/service/edit-post.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread, writeAs } from '../forum/helpers.ts';
import { allowQuickPosting, drain, hitTitles, hitUrls } from './helpers.ts';

async function setup() {
  const forum = await createTestForum();
  await allowQuickPosting(forum);
  const { user: alice, client: aliceClient } = await forum.member({ username: 'alice', displayName: 'Alice Runner' });
  const { user: mod, client: modClient } = await forum.member({ username: 'moddy', role: 'moderator' });
  const market = await category(forum, { name: 'Market', slug: 'market' });
  const tech = await category(forum, { name: 'Tech', slug: 'tech' });
  const staff = await category(forum, { name: 'Staff room', slug: 'staff', readAccess: 'moderator' });
  const bike = await thread(forum, alice, { categoryId: market.id, title: '出售二手自行车', raw: '九成新，价格可议。Shimano gears, barely used.', tags: 'bikes' });
  const running = await thread(forum, alice, { categoryId: tech.id, title: 'Running a forum on PostgreSQL', raw: 'We are running PGlite in tests and PostgreSQL in production.' });
  const secret = await thread(forum, mod, { categoryId: staff.id, title: 'Secret moderation bicycle plan', raw: 'Only staff can read this 自行车 note.' });
  await drain(forum);
  return { forum, alice, aliceClient, mod, modClient, market, tech, staff, bike, running, secret, guest: forum.client() };
}

const search = async (client: { get(path: string): Promise<Response> }, params: Record<string, string>) => {
  const res = await client.get(`/search?${new URLSearchParams(params).toString()}`);
  return { status: res.status, html: await res.text() };
};

describe('built-in search engine', () => {
  it('finds Chinese words inside unsegmented text, and mixed Chinese/English queries', async () => {
    const { guest } = await setup();
    expect(hitTitles((await search(guest, { q: '二手' })).html)).toEqual(['出售二手自行车']);
    expect(hitTitles((await search(guest, { q: '自行车' })).html)).toEqual(['出售二手自行车']);
    expect(hitTitles((await search(guest, { q: '二手 shimano' })).html)).toEqual(['出售二手自行车']);
    expect(hitTitles((await search(guest, { q: '九成新' })).html)).toEqual(['出售二手自行车']);
    expect(hitTitles((await search(guest, { q: '二手 postgresql' })).html)).toEqual([]);
  });

  it('stems English words and highlights the matches', async () => {
    const { guest } = await setup();
    const { html } = await search(guest, { q: 'run', type: 'thread' });
    expect(hitTitles(html)).toEqual(['Running a forum on PostgreSQL']);
    expect(html).toContain('<mark>Running</mark>');
    expect(hitTitles((await search(guest, { q: 'runs', type: 'thread' })).html)).toEqual(['Running a forum on PostgreSQL']);
    // member profiles are searchable too
    expect(hitTitles((await search(guest, { q: 'alice', type: 'member' })).html)).toEqual(['Alice Runner (alice)']);
  });

  it('filters by type, category, tag, author and date, and sorts by date', async () => {
    const { forum, guest, alice, tech, market } = await setup();
    await reply(forum, alice, (await forum.deps.db.select().from(threads).where(eq(threads.categoryId, tech.id)))[0]!.id, 'Running backups nightly is wise.');
    await drain(forum);
    expect(hitTitles((await search(guest, { q: 'running', type: 'post' })).html)).toEqual(['Running a forum on PostgreSQL']);
    expect(hitUrls((await search(guest, { q: 'running', type: 'post' })).html)[0]).toMatch(/#post-2$/);
    expect(hitTitles((await search(guest, { q: 'running', type: 'thread', category: String(market.id) })).html)).toEqual([]);
    expect(hitTitles((await search(guest, { tag: 'bikes' })).html)).toEqual(['出售二手自行车']);
    expect(hitTitles((await search(guest, { q: '自行车', author: 'moddy' })).html)).toEqual([]);
    expect(hitTitles((await search(guest, { q: '自行车', author: 'alice' })).html)).toEqual(['出售二手自行车']);
    const nobody = await search(guest, { q: 'x', author: 'nobody_here' });
    expect(nobody.html).toContain('nobody_here');
    expect(hitTitles((await search(guest, { q: 'running', from: '2000-01-01', to: '2000-12-31' })).html)).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(hitTitles((await search(guest, { q: 'running', from: today, type: 'thread' })).html)).toEqual(['Running a forum on PostgreSQL']);
    const byDate = hitTitles((await search(guest, { author: 'alice', sort: 'date', type: 'thread' })).html);
    expect(byDate).toEqual(['Running a forum on PostgreSQL', '出售二手自行车']);
  });

  it('never shows private categories, deleted or held posts to those who may not read them', async () => {
    const { forum, guest, aliceClient, modClient, alice, mod, bike } = await setup();
    // the staff-only thread mentions 自行车 too
    expect(hitTitles((await search(guest, { q: '自行车' })).html)).toEqual(['出售二手自行车']);
    expect(hitTitles((await search(aliceClient, { q: '自行车' })).html)).toEqual(['出售二手自行车']);
    expect(hitTitles((await search(modClient, { q: '自行车' })).html).sort()).toEqual(['Secret moderation bicycle plan', '出售二手自行车'].sort());

    const gone = await reply(forum, alice, bike.thread.id, 'Helmet included, 头盔 free.');
    const held = await reply(forum, alice, bike.thread.id, 'Contact me on 微信 for the lock.');
    await forum.deps.db.update(posts).set({ heldAt: new Date(), heldReason: 'spam?' }).where(eq(posts.id, held.id));
    await drain(forum);
    expect(hitTitles((await search(guest, { q: '头盔' })).html)).toHaveLength(1);
    expect(hitTitles((await search(modClient, { q: '微信' })).html)).toEqual([]);
    await deletePost(writeAs(forum, alice), gone.id);
    await drain(forum);
    expect(hitTitles((await search(guest, { q: '头盔' })).html)).toEqual([]);
    expect(hitTitles((await search(modClient, { q: '头盔' })).html)).toEqual([]);
    await restorePost(writeAs(forum, mod), gone.id);
    await drain(forum);
    expect(hitTitles((await search(guest, { q: '头盔' })).html)).toHaveLength(1);

    // unlisted and scheduled threads stay out of search
    await forum.deps.db.update(threads).set({ unlisted: true }).where(eq(threads.id, bike.thread.id));
    await drain(forum);
    expect(hitTitles((await search(guest, { q: '二手' })).html)).toEqual([]);
    expect(hitTitles((await search(guest, { q: '头盔' })).html)).toEqual([]);
    await forum.deps.db.update(threads).set({ unlisted: false, publishAt: new Date(Date.now() + 86_400_000) }).where(eq(threads.id, bike.thread.id));
    await drain(forum);
    expect(hitTitles((await search(guest, { q: '二手' })).html)).toEqual([]);
  });

  it('follows edits, deletions and moves into a private category', async () => {
    const { forum, guest, modClient, alice, mod, running, staff } = await setup();
    await editPost(writeAs(forum, alice), running.post.id, { raw: 'Now we host on 阿里云 instead.', title: 'Hosting notes' });
    await drain(forum);
    expect(hitTitles((await search(guest, { q: '阿里云' })).html)).toEqual(['Hosting notes']);
    expect(hitTitles((await search(guest, { q: 'pglite' })).html)).toEqual([]);

    const r = await reply(forum, alice, running.thread.id, 'Kubernetes would be overkill.');
    await drain(forum);
    expect(hitTitles((await search(guest, { q: 'kubernetes' })).html)).toEqual(['Hosting notes']);
    // a move (any code path that changes the row) re-files the thread and its replies
    await forum.deps.db.update(threads).set({ categoryId: staff.id }).where(eq(threads.id, running.thread.id));
    await drain(forum);
    expect(hitTitles((await search(guest, { q: 'kubernetes' })).html)).toEqual([]);
    expect(hitTitles((await search(guest, { q: '阿里云' })).html)).toEqual([]);
    expect(hitTitles((await search(modClient, { q: 'kubernetes' })).html)).toEqual(['Hosting notes']);

    await deletePost(writeAs(forum, mod), running.post.id);
    await drain(forum);
    expect(hitTitles((await search(modClient, { q: '阿里云' })).html)).toEqual([]);
    expect(hitTitles((await search(modClient, { q: 'kubernetes' })).html)).toEqual([]);
    expect(r.id).toBeGreaterThan(0);
  });
});
