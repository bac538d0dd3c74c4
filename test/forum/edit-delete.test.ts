import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { categories, postRevisions, posts, tags, threads } from '../../core/forum/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread } from './helpers.ts';

async function setup() {
  const forum = await createTestForum();
  const { user: author, client: authorClient } = await forum.member({ username: 'alice' });
  const { client: other } = await forum.member({ username: 'bob' });
  const { client: mod } = await forum.member({ username: 'mod', role: 'moderator' });
  const cat = await category(forum, { name: 'Tech' });
  const { thread: t, post: first } = await thread(forum, author, { categoryId: cat.id, title: 'Edit me please', raw: 'Version one', tags: 'misc' });
  const second = await reply(forum, author, t.id, 'A reply by alice');
  return { forum, author, authorClient, other, mod, cat, t, first, second };
}

type Forum = Awaited<ReturnType<typeof setup>>['forum'];
const threadRow = async (forum: Forum, id: number) => (await forum.deps.db.select().from(threads).where(eq(threads.id, id)))[0]!;
const categoryRow = async (forum: Forum, id: number) => (await forum.deps.db.select().from(categories).where(eq(categories.id, id)))[0]!;

describe('editing', () => {
  it('lets the author edit in place (htmx), keeping the previous text in the history', async () => {
    const { forum, authorClient, first, t } = await setup();
    const formRes = await authorClient.htmx('GET', `/p/${first.id}/edit`);
    expect(formRes.status).toBe(200);
    const form = await formRes.text();
    expect(form).toMatch(/^<article class="post editing" id="post-1"/);
    expect(form).toContain('Version one');
    expect(form).toContain('value="Edit me please"');

    const saved = await authorClient.htmx('POST', `/p/${first.id}/edit`, { raw: 'Version **two**', title: 'Edited title' });
    expect(saved.status).toBe(200);
    const html = await saved.text();
    expect(html).toMatch(/^<article class="post" id="post-1"/);
    expect(html).toContain('<strong>two</strong>');
    expect(html).toContain('edited');
    // the retitled header comes along, swapped in by id
    expect(html).toContain('<header class="thread-header" id="thread-header" hx-swap-oob="true">');
    expect(html).toContain('<h1>Edited title</h1>');
    const [post] = await forum.deps.db.select().from(posts).where(eq(posts.id, first.id));
    expect(post).toMatchObject({ raw: 'Version **two**', editCount: 1 });
    expect(post!.editedAt).toBeInstanceOf(Date);
    expect(await threadRow(forum, t.id)).toMatchObject({ title: 'Edited title', slug: 'edited-title' });
    const revisions = await forum.deps.db.select().from(postRevisions);
    expect(revisions).toMatchObject([{ postId: first.id, raw: 'Version one', title: 'Edit me please' }]);
  });

  it('refuses other members, and shows validation errors inline', async () => {
    const { forum, authorClient, other, mod, first, second } = await setup();
    expect((await other.get(`/p/${first.id}/edit`)).status).toBe(403);
    expect((await other.post(`/p/${first.id}/edit`, { raw: 'hijack' })).status).toBe(403);
    const bad = await authorClient.htmx('POST', `/p/${second.id}/edit`, { raw: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Write something first.');
    expect((await mod.post(`/p/${second.id}/edit`, { raw: 'Moderated text' })).status).toBe(303);
    const [post] = await forum.deps.db.select().from(posts).where(eq(posts.id, second.id));
    expect(post!.raw).toBe('Moderated text');
  });

  it('shows the edit history to staff only', async () => {
    const { authorClient, other, mod, first } = await setup();
    await authorClient.post(`/p/${first.id}/edit`, { raw: 'Second version' });
    expect((await authorClient.get(`/p/${first.id}/history`)).status).toBe(403);
    expect((await other.get(`/p/${first.id}/history`)).status).toBe(403);
    const res = await mod.get(`/p/${first.id}/history`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Version one');
    expect(html).toContain('Second version');
    const page = await (await mod.get(`/p/${first.id}`)).headers.get('location');
    expect(await (await mod.get(page!)).text()).toContain(`href="/p/${first.id}/history"`);
  });
});

describe('deleting and restoring', () => {
  it('soft-deletes a reply: tombstone for members, greyed with restore for staff, counters adjusted', async () => {
    const { forum, author, authorClient, other, mod, cat, t, second } = await setup();
    expect((await other.post(`/p/${second.id}/delete`)).status).toBe(403);
    const res = await authorClient.htmx('POST', `/p/${second.id}/delete`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Post #2 was deleted.');
    expect(await threadRow(forum, t.id)).toMatchObject({ replyCount: 0 });
    expect(await categoryRow(forum, cat.id)).toMatchObject({ postCount: 1, threadCount: 1 });
    const [alice] = await forum.deps.db.select().from(users).where(eq(users.id, author.id));
    expect(alice!.postCount).toBe(1);

    const path = `/t/${t.id}/${t.slug}`;
    const memberView = await (await other.get(path)).text();
    expect(memberView).toContain('Post #2 was deleted.');
    expect(memberView).not.toContain('A reply by alice');
    const staffView = await (await mod.get(path)).text();
    expect(staffView).toContain('A reply by alice');
    expect(staffView).toContain(`action="/p/${second.id}/restore"`);

    expect((await authorClient.post(`/p/${second.id}/restore`)).status).toBe(403);
    const restored = await mod.htmx('POST', `/p/${second.id}/restore`);
    expect(await restored.text()).toContain('A reply by alice');
    expect(await threadRow(forum, t.id)).toMatchObject({ replyCount: 1 });
    expect(await categoryRow(forum, cat.id)).toMatchObject({ postCount: 2 });
  });

  it('deleting the first post deletes the thread softly; staff restore it', async () => {
    const { forum, authorClient, other, mod, cat, t, first } = await setup();
    const res = await authorClient.post(`/p/${first.id}/delete`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/c/${cat.slug}`);
    const deleted = await threadRow(forum, t.id);
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect(await categoryRow(forum, cat.id)).toMatchObject({ threadCount: 0, postCount: 0 });
    const [misc] = await forum.deps.db.select().from(tags);
    expect(misc!.threadCount).toBe(0);
    expect((await other.get(`/t/${t.id}/${t.slug}`)).status).toBe(404);
    expect((await authorClient.get(`/t/${t.id}/${t.slug}`)).status).toBe(404);
    expect(await (await other.get('/latest')).text()).not.toContain('Edit me please');
    const staffView = await mod.get(`/t/${t.id}/${t.slug}`);
    expect(staffView.status).toBe(200);
    expect(await staffView.text()).toContain('This thread was deleted.');

    const restored = await mod.htmx('POST', `/t/${t.id}/restore`);
    expect(restored.status).toBe(200);
    expect(await restored.text()).toContain('id="thread-header"');
    expect((await threadRow(forum, t.id)).deletedAt).toBeNull();
    expect(await categoryRow(forum, cat.id)).toMatchObject({ threadCount: 1, postCount: 2 });
    expect((await other.get(`/t/${t.id}/${t.slug}`)).status).toBe(200);
  });
});
