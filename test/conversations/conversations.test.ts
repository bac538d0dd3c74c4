import { and, eq } from 'drizzle-orm';
import { notifications } from '../../core/notifications/schema.ts';
import { conversationParticipants } from '../../core/conversations/schema.ts';
import { headerCounts } from '../../core/notifications/middleware.ts';
import { createTestForum } from '../helpers/app.ts';
import { main, startVia } from './helpers.ts';

async function setup() {
  const forum = await createTestForum();
  const alice = await forum.member({ username: 'alice', displayName: 'Alice' });
  const bob = await forum.member({ username: 'bob', displayName: 'Bob' });
  const carol = await forum.member({ username: 'carol', displayName: 'Carol' });
  return { forum, alice, bob, carol };
}

function messageNotices(forum: Awaited<ReturnType<typeof setup>>['forum'], userId: number) {
  return forum.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, 'message')));
}

describe('private messages', () => {
  it('starts a conversation that the recipient sees as unread, with a notification, until they open it', async () => {
    const { forum, alice, bob } = await setup();
    const id = await startVia(alice.client, { to: 'Bob', title: 'Weekend hike', raw: 'Are you coming **on Saturday**?' });

    const inbox = main(await (await bob.client.get('/messages')).text());
    expect(inbox).toContain('Weekend hike');
    expect(inbox).toContain('1 unread');
    expect(inbox).toContain('Are you coming on Saturday?');
    const [notice] = await messageNotices(forum, bob.user.id);
    expect(notice).toMatchObject({ url: expect.stringMatching(new RegExp(`^/messages/${id}#message-\\d+$`)), readAt: null, actorId: alice.user.id });
    expect(notice!.data).toMatchObject({ actor: 'Alice', title: 'Weekend hike', count: 1 });
    expect(await headerCounts(forum.deps.db, bob.user.id)).toEqual({ notifications: 1, conversations: 1 });
    expect(await (await bob.client.get('/')).text()).toContain('Notifications (1 unread)');
    // the sender's own message is not unread for her
    expect(main(await (await alice.client.get('/messages')).text())).not.toContain('unread');

    const page = await bob.client.get(`/messages/${id}`);
    expect(page.status).toBe(200);
    const body = main(await page.text());
    expect(body).toContain('<strong>on Saturday</strong>');
    expect(body).toContain('Alice');
    expect(main(await (await bob.client.get('/messages')).text())).not.toContain('unread');
    expect((await messageNotices(forum, bob.user.id))[0]!.readAt).not.toBeNull();
    expect(await headerCounts(forum.deps.db, bob.user.id)).toEqual({ notifications: 0, conversations: 0 });
  });

  it('appends a reply in place with htmx, redirects without JavaScript, and groups the notifications', async () => {
    const { forum, alice, bob } = await setup();
    const id = await startVia(alice.client, { to: 'bob', raw: 'Hello Bob' });

    const fragment = await bob.client.htmx('POST', `/messages/${id}/reply`, { raw: 'Hi _Alice_' });
    expect(fragment.status).toBe(200);
    const html = await fragment.text();
    expect(html).not.toContain('<html');
    expect(html).toMatch(/<li class="message" id="message-\d+">/);
    expect(html).toContain('<em>Alice</em>');

    const plain = await bob.client.post(`/messages/${id}/reply`, { raw: 'Second thought' });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toMatch(new RegExp(`^/messages/${id}#message-\\d+$`));

    const inbox = main(await (await alice.client.get('/messages')).text());
    expect(inbox).toContain('2 unread');
    expect(inbox).toContain('Conversation with Bob');
    expect(inbox).toContain('Second thought');
    const notices = await messageNotices(forum, alice.user.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatchObject({ actor: 'Bob', count: 2, title: 'Hello Bob' });

    const invalid = await bob.client.htmx('POST', `/messages/${id}/reply`, { raw: '   ' });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('hx-retarget')).toBe('#message-reply-form');
    expect(await invalid.text()).toContain('Write a message.');
  });

  it('is visible to its participants only; leaving removes it from the inbox', async () => {
    const { forum, alice, bob, carol } = await setup();
    const id = await startVia(alice.client, { to: 'bob', raw: 'Just us' });
    for (const path of [`/messages/${id}`, `/messages/${id + 1000}`]) {
      const res = await carol.client.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('Just us');
    }
    expect((await carol.client.post(`/messages/${id}/reply`, { raw: 'Let me in' })).status).toBe(404);
    expect((await carol.client.post(`/messages/${id}/leave`)).status).toBe(404);
    expect((await forum.client().get(`/messages/${id}`)).headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/messages/${id}`)}`);

    expect((await alice.client.post(`/messages/${id}/leave`)).headers.get('location')).toBe('/messages');
    expect((await alice.client.get(`/messages/${id}`)).status).toBe(404);
    expect(main(await (await alice.client.get('/messages')).text())).not.toContain('Just us');
    // bob is alone now: nobody would read a reply
    const alone = await bob.client.post(`/messages/${id}/reply`, { raw: 'Anyone?' });
    expect(alone.status).toBe(403);
    expect(await alone.text()).toContain('Everyone else has left this conversation.');
    const [row] = await forum.deps.db
      .select()
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, id), eq(conversationParticipants.userId, alice.user.id)));
    expect(row!.leftAt).not.toBeNull();
  });

  it('lets staff read a conversation only once a message in it was reported, read-only', async () => {
    const { forum, alice, bob } = await setup();
    const mod = await forum.member({ role: 'moderator' });
    const id = await startVia(alice.client, { to: 'bob', raw: 'Buy cheap pills at spam.example' });
    expect((await mod.client.get(`/messages/${id}`)).status).toBe(404);

    const page = await (await bob.client.get(`/messages/${id}`)).text();
    const messageId = Number(/id="message-(\d+)"/.exec(page)![1]);
    expect((await alice.client.post(`/messages/${id}/report`, { messageId: String(messageId), reason: 'my own' })).status).toBe(400);
    const tooShort = await bob.client.post(`/messages/${id}/report`, { messageId: String(messageId), reason: 'x' });
    expect(tooShort.status).toBe(422);
    expect(await tooShort.text()).toContain('Describe the problem in 3 to 500 characters.');
    expect((await mod.client.get(`/messages/${id}`)).status).toBe(404);

    const reported = await bob.client.post(`/messages/${id}/report`, { messageId: String(messageId), reason: 'Spam advertising' });
    expect(reported.status).toBe(303);
    expect(reported.headers.get('location')).toBe(`/messages/${id}?reported=1#message-${messageId}`);

    const staffView = await mod.client.get(`/messages/${id}`);
    expect(staffView.status).toBe(200);
    const body = main(await staffView.text());
    expect(body).toContain('because a message in it was reported');
    expect(body).toContain('Spam advertising');
    expect(body).not.toContain('message-reply-form');
    expect((await mod.client.post(`/messages/${id}/reply`, { raw: 'Staff here' })).status).toBe(404);
    const [notice] = await forum.deps.db.select().from(notifications).where(eq(notifications.userId, mod.user.id));
    expect(notice).toMatchObject({ type: 'messageReport', url: `/messages/${id}#message-${messageId}` });
  });

  it('validates the form inline: unknown names, too many recipients, empty message', async () => {
    const { alice } = await setup();
    const compose = main(await (await alice.client.get('/messages/new?to=bob')).text());
    expect(compose).toContain('name="to" type="text" value="bob"');
    expect(compose).toContain('name="_csrf"');
    const unknown = await alice.client.post('/messages', { to: 'bob, nobody', raw: 'Hi' });
    expect(unknown.status).toBe(422);
    const text = await unknown.text();
    expect(text).toContain('There is no member named nobody.');
    expect(text).toContain('value="bob, nobody"');

    const many = await alice.client.post('/messages', { to: Array.from({ length: 11 }, (_, i) => `user${i}`).join(','), raw: 'Hi' });
    expect(many.status).toBe(422);
    expect(await many.text()).toContain('at most 10 recipients');

    const empty = await alice.client.post('/messages', { to: 'bob', raw: '' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toMatch(/id="f-raw-error"[^>]*>Write a message\./);

    const self = await alice.client.post('/messages', { to: 'alice', raw: 'Note to self' });
    expect(self.status).toBe(422);
  });

  it('neutralises HTML and script in messages and titles', async () => {
    const { alice, bob } = await setup();
    const id = await startVia(alice.client, {
      to: 'bob',
      title: '<b onmouseover="alert(1)">Title</b>',
      raw: '<script>alert("x")</script>\n\n[click](javascript:alert(2)) <img src=x onerror="alert(3)">\n\n<a href="https://ok.example">ok</a>',
    });
    const body = main(await (await bob.client.get(`/messages/${id}`)).text());
    // no real tag carries a script: what the author typed shows as text
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(body).not.toMatch(/href="\s*javascript:/i);
    expect(body).toContain('&lt;script&gt;alert');
    expect(body).toContain('&lt;b onmouseover=');
    const inbox = main(await (await bob.client.get('/messages')).text());
    expect(inbox).not.toMatch(/<script|<b onmouseover/i);
  });

  it('pages the inbox by keyset, newest activity first', async () => {
    const { forum, alice, bob } = await setup();
    const { startConversation } = await import('../../core/conversations/index.ts');
    for (let i = 1; i <= 23; i++) await startConversation(forum.deps.db, { from: alice.user, to: [bob.user.id], title: `Topic ${i}`, raw: `Body ${i}` });
    const first = main(await (await bob.client.get('/messages')).text());
    expect(first).toContain('Topic 23');
    expect(first).not.toContain('Topic 3<');
    const next = /href="(\/messages\?before=\d+)"/.exec(first)![1]!;
    const rest = await bob.client.htmx('GET', next);
    const html = await rest.text();
    expect(html).not.toContain('<html');
    expect([...html.matchAll(/class="conversation-title"/g)]).toHaveLength(3);
    expect(html).toContain('Topic 1<');
    expect(html).not.toContain('Topic 4<');
    expect(html).not.toContain('?before=');
  });

  it('renders the inbox in Simplified Chinese', async () => {
    const { forum, alice } = await setup();
    const li = await forum.member({ username: 'xiaoli', displayName: '小李', locale: 'zh-CN' });
    await startVia(alice.client, { to: 'xiaoli', raw: '周末一起去爬山吗？' });
    const page = await (await li.client.get('/messages')).text();
    expect(page).toContain('<html lang="zh-CN"');
    const inbox = main(page);
    expect(inbox).toContain('<h1>私信</h1>');
    expect(inbox).toContain('与 Alice 的对话');
    expect(inbox).toContain('1 条未读');
    expect(inbox).toContain('写私信');
    const empty = main(await (await li.client.get('/messages?before=1')).text());
    expect(empty).toContain('还没有私信');
  });

  it('sends no notifications to a participant who muted the conversation', async () => {
    const { forum, alice, bob } = await setup();
    const id = await startVia(alice.client, { to: 'bob', raw: 'Group plans' });
    await bob.client.get(`/messages/${id}`);
    const muted = await bob.client.post(`/messages/${id}/mute`, { muted: '1' });
    expect(muted.headers.get('location')).toBe(`/messages/${id}`);
    expect(main(await (await bob.client.get(`/messages/${id}`)).text())).toContain('Unmute notifications');
    await alice.client.post(`/messages/${id}/reply`, { raw: 'Quiet update' });
    expect((await messageNotices(forum, bob.user.id)).filter((n) => n.readAt === null)).toHaveLength(0);
    // the message still counts as unread in the inbox
    expect(main(await (await bob.client.get('/messages')).text())).toContain('1 unread');
  });
});
