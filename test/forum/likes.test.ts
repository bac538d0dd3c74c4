import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { postLikes, posts, threads } from '../../core/forum/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread } from './helpers.ts';

async function setup() {
  const forum = await createTestForum();
  const { user: author, client: authorClient } = await forum.member();
  const { user: fan, client } = await forum.member();
  const cat = await category(forum, { name: 'Tech' });
  const { thread: t, post } = await thread(forum, author, { categoryId: cat.id, title: 'Likeable thread' });
  return { forum, author, authorClient, fan, client, t, post };
}

async function state(forum: Awaited<ReturnType<typeof setup>>['forum'], postId: number, threadId: number, authorId: number, fanId: number) {
  const db = forum.deps.db;
  const [post] = await db.select().from(posts).where(eq(posts.id, postId));
  const [thread] = await db.select().from(threads).where(eq(threads.id, threadId));
  const [author] = await db.select().from(users).where(eq(users.id, authorId));
  const [fan] = await db.select().from(users).where(eq(users.id, fanId));
  return { post: post!.likeCount, thread: thread!.likeCount, received: author!.likesReceived, given: fan!.likesGiven };
}

describe('likes', () => {
  it('toggles a like with htmx, updating every counter in step', async () => {
    const { forum, author, fan, client, t, post } = await setup();
    const liked = await client.htmx('POST', `/p/${post.id}/like`);
    expect(liked.status).toBe(200);
    const html = await liked.text();
    expect(html).toMatch(/^<form class="like-form"/);
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain('<span class="like-count">1</span>');
    expect(await state(forum, post.id, t.id, author.id, fan.id)).toEqual({ post: 1, thread: 1, received: 1, given: 1 });

    const unliked = await client.htmx('POST', `/p/${post.id}/like`);
    expect(await unliked.text()).toContain('aria-pressed="false"');
    expect(await state(forum, post.id, t.id, author.id, fan.id)).toEqual({ post: 0, thread: 0, received: 0, given: 0 });
    expect(await forum.deps.db.select().from(postLikes)).toEqual([]);
  });

  it('counts one like per member even when sent twice at once', async () => {
    const { forum, author, fan, client, t, post } = await setup();
    const { client: third } = await forum.member();
    await Promise.all([third.post(`/p/${post.id}/like`), client.post(`/p/${post.id}/like`)]);
    expect((await state(forum, post.id, t.id, author.id, fan.id)).post).toBe(2);
    expect(await forum.deps.db.select().from(postLikes)).toHaveLength(2);
  });

  it('refuses liking your own post, and sends guests to log in', async () => {
    const { forum, authorClient, post, t } = await setup();
    const own = await authorClient.post(`/p/${post.id}/like`);
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('You cannot like your own post.');
    const guest = await forum.client().post(`/p/${post.id}/like`);
    expect(guest.status).toBe(303);
    expect(guest.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/p/${post.id}`)}`);
    expect(await forum.deps.db.select().from(postLikes)).toEqual([]);
    const page = await (await authorClient.get(`/t/${t.id}/${t.slug}`)).text();
    expect(page).toContain('class="like-button own"');
  });

  it('works without JavaScript and shows the liked state on the thread page', async () => {
    const { forum, client, t } = await setup();
    const second = await reply(forum, (await forum.member()).user, t.id, 'A reply to like');
    const res = await client.post(`/p/${second.id}/like`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/t/${t.id}/${t.slug}#post-2`);
    const page = await (await client.get(`/t/${t.id}/${t.slug}`)).text();
    expect(page).toMatch(new RegExp(`action="/p/${second.id}/like"[^]*?aria-pressed="true"`));
  });
});
