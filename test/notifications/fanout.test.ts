import { markRead } from '../../core/notifications/service.ts';
import { setCategoryWatch, setThreadWatch } from '../../core/watching/index.ts';
import { createTestForum } from '../helpers/app.ts';
import { like, makeCategory, notificationsOf, notificationsOfType, replyTo, startThread, withFanOut } from './helpers.ts';

async function setup() {
  const forum = withFanOut(await createTestForum());
  const { user: alice, client: aliceClient } = await forum.member({ username: 'alice', displayName: 'Alice' });
  const { user: bob } = await forum.member({ username: 'bob', displayName: 'Bob' });
  const { user: carol } = await forum.member({ username: 'carol', displayName: 'Carol' });
  const category = await makeCategory(forum);
  return { forum, alice, aliceClient, bob, carol, category };
}

describe('forum activity fan-out', () => {
  it('tells the thread author about a reply, once, linking to the post', async () => {
    const { forum, alice, bob, category } = await setup();
    const { thread } = await startThread(forum, alice, category);
    const reply = await replyTo(forum, bob, thread, category);
    // the same event delivered twice (a retried hook) still makes one notification
    await forum.deps.plugins.hooks.action('post.created', { post: reply, thread, category }, { user: bob });
    const rows = await notificationsOf(forum, alice);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'reply', url: `/p/${reply.id}`, actorId: bob.id, readAt: null });
    expect(rows[0]!.data).toMatchObject({ actor: 'Bob', title: thread.title });
  });

  it('never tells the actor about their own post', async () => {
    const { forum, alice, category } = await setup();
    const { thread, post } = await startThread(forum, alice, category, 'Hello @alice');
    await setCategoryWatch(forum.deps.db, alice.id, category.id, 'watching');
    await replyTo(forum, alice, thread, category, `[quote=alice post=${post.id}]\nmine\n[/quote]\n\n@alice again`, post.id);
    await like(forum, alice, post, thread);
    await startThread(forum, alice, category, 'A second one, in a category I watch');
    expect(await notificationsOf(forum, alice)).toHaveLength(0);
  });

  it('does not tell a mentioned member about a post in a category they cannot read', async () => {
    const { forum, bob, carol } = await setup();
    const { user: mod } = await forum.member({ username: 'moddy', role: 'moderator' });
    const staffOnly = await makeCategory(forum, { readAccess: 'moderator' });
    const { thread } = await startThread(forum, mod, staffOnly);
    await replyTo(forum, mod, thread, staffOnly, 'What do @bob and @carol think? Ask @moddy');
    expect(await notificationsOf(forum, bob)).toHaveLength(0);
    expect(await notificationsOf(forum, carol)).toHaveLength(0);

    // the same holds for an open sub-category under a hidden parent
    const annex = await makeCategory(forum, { parentId: staffOnly.id });
    const { user: admin } = await forum.member({ role: 'admin' });
    const inAnnex = await startThread(forum, admin, annex, 'Hey @bob and @moddy');
    expect(await notificationsOf(forum, bob)).toHaveLength(0);
    const modRows = await notificationsOf(forum, mod);
    expect(modRows.map((n) => [n.type, n.url])).toEqual([['mention', `/p/${inAnnex.post.id}`]]);
  });

  it('sends one notification to a member who is mentioned in a reply to them, as a mention', async () => {
    const { forum, alice, bob, category } = await setup();
    const { thread, post } = await startThread(forum, alice, category);
    await replyTo(forum, bob, thread, category, `@alice I agree. [quote=alice post=${post.id}]\nquoted\n[/quote]`, post.id);
    const rows = await notificationsOf(forum, alice);
    expect(rows.map((n) => n.type)).toEqual(['mention']);
  });

  it('tells a quoted author in someone else’s thread', async () => {
    const { forum, alice, bob, carol, category } = await setup();
    const { thread } = await startThread(forum, alice, category);
    const bobsPost = await replyTo(forum, bob, thread, category, 'An opinion worth quoting.');
    await replyTo(forum, carol, thread, category, `[quote=bob post=${bobsPost.id}]\nAn opinion\n[/quote]\n\nIndeed.`);
    expect((await notificationsOf(forum, bob)).map((n) => n.type)).toEqual(['quote']);
  });

  it('tells the author of the post replied to', async () => {
    const { forum, alice, bob, carol, category } = await setup();
    const { thread } = await startThread(forum, alice, category);
    const bobsPost = await replyTo(forum, bob, thread, category);
    await setThreadWatch(forum.deps.db, bob.id, thread.id, 'normal');
    const carolsPost = await replyTo(forum, carol, thread, category, 'Answering Bob.', bobsPost.id);
    expect((await notificationsOf(forum, bob)).map((n) => [n.type, n.url])).toEqual([['reply', `/p/${carolsPost.id}`]]);
  });

  it('sends nothing about a thread the member muted, not even a mention', async () => {
    const { forum, alice, bob, category } = await setup();
    const { thread, post } = await startThread(forum, alice, category);
    await setThreadWatch(forum.deps.db, alice.id, thread.id, 'muted');
    await replyTo(forum, bob, thread, category, 'Hey @alice', post.id);
    await like(forum, bob, post, thread);
    expect(await notificationsOf(forum, alice)).toHaveLength(0);
  });

  it('tells watchers about every reply; repliers watch by default; a muted category silences its threads', async () => {
    const { forum, alice, bob, carol, category } = await setup();
    const { user: dave } = await forum.member();
    const { thread } = await startThread(forum, alice, category);
    await setThreadWatch(forum.deps.db, dave.id, thread.id, 'watching');
    await replyTo(forum, bob, thread, category, 'First reply.');
    const carolsPost = await replyTo(forum, carol, thread, category, 'Second reply.');
    expect((await notificationsOf(forum, dave)).map((n) => n.type)).toEqual(['watching', 'watching']);
    // bob became a watcher by replying
    expect((await notificationsOf(forum, bob)).map((n) => [n.type, n.url])).toEqual([['watching', `/p/${carolsPost.id}`]]);

    const { user: erin } = await forum.member();
    await setCategoryWatch(forum.deps.db, erin.id, category.id, 'muted');
    await setCategoryWatch(forum.deps.db, dave.id, category.id, 'muted');
    await replyTo(forum, carol, thread, category, 'Third reply, @erin.');
    expect(await notificationsOf(forum, erin)).toHaveLength(0);
    // dave's own choice for the thread beats his choice for the category
    expect(await notificationsOf(forum, dave)).toHaveLength(3);
  });

  it('tells members watching a category (or its parent) about new threads, unless the thread is elsewhere', async () => {
    const { forum, alice, bob, carol, category } = await setup();
    const sub = await makeCategory(forum, { parentId: category.id });
    const other = await makeCategory(forum);
    await setCategoryWatch(forum.deps.db, bob.id, category.id, 'watching');
    await setCategoryWatch(forum.deps.db, carol.id, category.id, 'watching');
    await setCategoryWatch(forum.deps.db, carol.id, sub.id, 'normal');
    const first = await startThread(forum, alice, category);
    const inSub = await startThread(forum, alice, sub);
    await startThread(forum, alice, other);
    expect((await notificationsOf(forum, bob)).map((n) => [n.type, n.url])).toEqual([
      ['newThread', `/p/${inSub.post.id}`],
      ['newThread', `/p/${first.post.id}`],
    ]);
    expect((await notificationsOf(forum, carol)).map((n) => n.url)).toEqual([`/p/${first.post.id}`]);
    // watching a category also means hearing about its replies
    await replyTo(forum, carol, first.thread, category);
    expect((await notificationsOf(forum, bob))[0]!.type).toBe('watching');
  });

  it('groups likes of one post into one unread notification', async () => {
    const { forum, alice, aliceClient, bob, carol, category } = await setup();
    const { user: dave } = await forum.member({ displayName: 'Dave' });
    const { thread, post } = await startThread(forum, alice, category);
    await like(forum, bob, post, thread);
    await like(forum, carol, post, thread);
    await like(forum, carol, post, thread);
    await like(forum, dave, post, thread);
    const rows = await notificationsOfType(forum, alice, 'like');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({ actor: 'Dave', others: 2, postId: post.id });
    expect(rows[0]!.actorId).toBe(dave.id);
    const page = await (await aliceClient.get('/notifications')).text();
    expect(page).toContain(`Dave and 2 others liked your post in “${thread.title}”`);
    aliceClient.headers['accept-language'] = 'zh-CN';
    expect(await (await aliceClient.get('/notifications')).text()).toContain(`Dave 和另外 2 人赞了你在“${thread.title}”中的帖子`);

    // once read, the next like starts a new notification at the top
    await markRead(forum.deps.db, alice.id, rows[0]!.id);
    const { user: erin } = await forum.member({ displayName: 'Erin' });
    await like(forum, erin, post, thread);
    const after = await notificationsOfType(forum, alice, 'like');
    expect(after).toHaveLength(2);
    const fresh = after.find((n) => n.readAt === null)!;
    expect(fresh.data).toMatchObject({ actor: 'Erin', others: 0 });
    expect(fresh.id).toBeGreaterThan(rows[0]!.id);
  });
});
