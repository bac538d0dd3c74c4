import { asc, eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { categories, posts, threads } from '../../core/forum/schema.ts';
import { setThreadFlags } from '../../core/forum/service/moderate-thread.ts';
import { HookRejection } from '../../core/plugins/hooks.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread } from './helpers.ts';

async function setup() {
  const forum = await createTestForum();
  const { user: author, client: authorClient } = await forum.member({ username: 'alice' });
  const { user: member, client } = await forum.member({ username: 'bob' });
  const cat = await category(forum, { name: 'Tech' });
  const { thread: t, post: first } = await thread(forum, author, { categoryId: cat.id, title: 'Reply test thread', raw: 'First **post**' });
  return { forum, author, authorClient, member, client, cat, t, first, path: `/t/${t.id}/${t.slug}` };
}

describe('replying', () => {
  it('with htmx, answers with the new post fragment and keeps counters in step', async () => {
    const { forum, member, client, t, cat } = await setup();
    const res = await client.htmx('POST', `/t/${t.id}/reply`, { raw: 'Nice one @alice' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toMatch(/^<article class="post" id="post-2"/);
    expect(html).toContain('<a class="mention" href="/u/alice">@alice</a>');
    const [updated] = await forum.deps.db.select().from(threads);
    expect(updated).toMatchObject({ replyCount: 1, lastPostNumber: 2, lastPosterId: member.id });
    const [counted] = await forum.deps.db.select().from(categories).where(eq(categories.id, cat.id));
    expect(counted!.postCount).toBe(2);
    const [bob] = await forum.deps.db.select().from(users).where(eq(users.id, member.id));
    expect(bob!.postCount).toBe(1);
  });

  it('without JavaScript, redirects to the new post', async () => {
    const { client, t } = await setup();
    const res = await client.post(`/t/${t.id}/reply`, { raw: 'Plain form reply' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/t/${t.id}/${t.slug}#post-2`);
  });

  it('shows validation errors in the form (422), re-targeted onto the form for htmx', async () => {
    const { forum, client, t } = await setup();
    const res = await client.htmx('POST', `/t/${t.id}/reply`, { raw: '   ' });
    expect(res.status).toBe(422);
    expect(res.headers.get('hx-retarget')).toBe('#reply-form');
    expect(res.headers.get('hx-reswap')).toBe('outerHTML');
    expect(await res.text()).toContain('Write something first.');
    const plain = await client.post(`/t/${t.id}/reply`, { raw: 'x'.repeat(30_001) });
    expect(plain.status).toBe(422);
    expect(await plain.text()).toContain('This post is too long');
    expect(await forum.deps.db.select().from(posts)).toHaveLength(1);
  });

  it('turns a HookRejection from post.beforeCreate into a 422 and stores nothing', async () => {
    const { forum, client, t } = await setup();
    forum.deps.plugins.hooks.addFilter('post.beforeCreate', () => {
      throw new HookRejection('x.y');
    }, { owner: 'test' });
    const res = await client.htmx('POST', `/t/${t.id}/reply`, { raw: 'Blocked reply' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('x.y');
    expect(await forum.deps.db.select().from(posts)).toHaveLength(1);
    const [unchanged] = await forum.deps.db.select().from(threads);
    expect(unchanged).toMatchObject({ lastPostNumber: 1, replyCount: 0 });
  });

  it('numbers concurrent replies 1..11 without gaps or duplicates', async () => {
    const { forum, member, t, cat } = await setup();
    await Promise.all(Array.from({ length: 10 }, (_, i) => reply(forum, member, t.id, `Parallel reply ${i}`)));
    const rows = await forum.deps.db.select({ number: posts.number }).from(posts).where(eq(posts.threadId, t.id)).orderBy(asc(posts.number));
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const [updated] = await forum.deps.db.select().from(threads);
    expect(updated).toMatchObject({ lastPostNumber: 11, replyCount: 10 });
    const [counted] = await forum.deps.db.select().from(categories).where(eq(categories.id, cat.id));
    expect(counted!.postCount).toBe(11);
  });

  it('closes a locked thread to everyone but staff', async () => {
    const { forum, client, t, path } = await setup();
    const { user: mod, client: modClient } = await forum.member({ role: 'moderator' });
    await setThreadFlags({ db: forum.deps.db, user: mod }, t.id, { locked: true });
    const refused = await client.post(`/t/${t.id}/reply`, { raw: 'Can I still reply?' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This thread is locked: only staff can reply.');
    const page = await (await client.get(path)).text();
    expect(page).toContain('This thread is locked. New replies are closed.');
    expect(page).not.toContain('id="reply-form"');
    expect((await modClient.post(`/t/${t.id}/reply`, { raw: 'Staff note' })).status).toBe(303);
  });

  it('sends guests to log in', async () => {
    const { forum, t, path } = await setup();
    const guest = forum.client();
    const res = await guest.post(`/t/${t.id}/reply`, { raw: 'hi' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/t/${t.id}`)}`);
    expect(await (await guest.get(path)).text()).toContain('to join the conversation.');
  });

  it('quotes a post: prefilled reply page, then a rendered quote linked to the original', async () => {
    const { forum, client, t, first } = await setup();
    const page = await client.get(`/t/${t.id}/reply?quote=${first.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`[quote=alice post=${first.id}]\nFirst **post**\n[/quote]`);
    const thread = await (await client.get(`/t/${t.id}/${t.slug}`)).text();
    // the thread page only points at the quote; the button fetches it when clicked
    expect(thread).toContain(`data-quote-source="/p/${first.id}/quote"`);
    expect(thread).not.toContain('[quote=alice');
    const fetched = await client.get(`/p/${first.id}/quote`);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await fetched.text()).toBe(`[quote=alice post=${first.id}]\nFirst **post**\n[/quote]\n`);
    await client.post(`/t/${t.id}/reply`, { raw: `[quote=alice post=${first.id}]\nFirst **post**\n[/quote]\n\nAgreed.` });
    const [, quoting] = await forum.deps.db.select().from(posts).orderBy(asc(posts.number));
    expect(quoting!.replyToPostId).toBe(first.id);
    expect(quoting!.html).toContain(`<aside class="quote" data-post-id="${first.id}">`);
  });

  it('gives quote text only to members, and only for posts they may see', async () => {
    const { forum, author, client, t, first } = await setup();
    expect((await forum.client().get(`/p/${first.id}/quote`)).status).toBe(403);
    expect((await client.get('/p/999999/quote')).status).toBe(404);
    const secret = await category(forum, { name: 'Staff room', slug: 'staff-room', readAccess: 'moderator' });
    const { user: moderator } = await forum.member({ username: 'quotemod', role: 'admin' });
    const { post: hidden } = await thread(forum, moderator, { categoryId: secret.id, title: 'Staff only thread' });
    const denied = await client.get(`/p/${hidden.id}/quote`);
    expect(denied.status).toBe(404);
    expect(await denied.text()).not.toContain('[quote');
    const second = await reply(forum, author, t.id, 'Soon gone');
    await client.get(`/p/${second.id}/quote`).then((res) => expect(res.status).toBe(200));
    await forum.deps.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, second.id));
    expect((await client.get(`/p/${second.id}/quote`)).status).toBe(404);
  });

  it('neutralises script in Markdown on the thread page', async () => {
    const { forum, member, client, t, path } = await setup();
    const attack = [
      '<script>alert("x")</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '![img](javascript:alert(2))',
      '<a href="javascript:alert(3)">a</a>',
      '[q](data:text/html;base64,PHNjcmlwdD4=)',
    ].join('\n\n');
    await reply(forum, member, t.id, attack);
    const html = await (await client.get(path)).text();
    const body = html.slice(html.indexOf('id="post-2"'), html.indexOf('id="reply-form"'));
    // only real tags count: escaped text ("&lt;a href=…") is harmless
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(body).not.toMatch(/<[a-z][^>]*\s(?:href|src)="\s*(?:javascript|data):/i);
    expect(body).toContain('&lt;script&gt;');
  });
});
