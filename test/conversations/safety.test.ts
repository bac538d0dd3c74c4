import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { replyToConversation, startConversation } from '../../core/conversations/index.ts';
import { UserError } from '../../core/http/errors.tsx';
import { createTestForum } from '../helpers/app.ts';
import { backdate, main, startVia } from './helpers.ts';

async function setup() {
  const forum = await createTestForum();
  const alice = await forum.member({ username: 'alice', displayName: 'Alice' });
  const bob = await forum.member({ username: 'bob', displayName: 'Bob' });
  return { forum, alice, bob };
}

describe('blocking', () => {
  it('stops a blocked member from starting or continuing conversations with the blocker', async () => {
    const { alice, bob } = await setup();
    const id = await startVia(alice.client, { to: 'bob', raw: 'Before the block' });

    const blocked = await bob.client.post('/u/alice/block');
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/u/alice');

    const start = await alice.client.post('/messages', { to: 'bob', raw: 'Why did you block me?' });
    expect(start.status).toBe(403);
    expect(await start.text()).toContain('Bob does not accept private messages from you.');
    const reply = await alice.client.post(`/messages/${id}/reply`, { raw: 'Hello?' });
    expect(reply.status).toBe(403);
    expect(await reply.text()).toContain('Bob does not accept private messages from you.');
    // the blocker cannot write to the member they blocked either, and is told why
    const own = await bob.client.post('/messages', { to: 'alice', raw: 'One last thing' });
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('You have blocked Alice.');

    const fragment = await bob.client.htmx('POST', '/u/alice/unblock');
    expect(fragment.status).toBe(200);
    const html = await fragment.text();
    expect(html).toContain('action="/u/alice/block"');
    expect(html).toContain('Unblocked.');
    expect((await alice.client.post(`/messages/${id}/reply`, { raw: 'Thanks for unblocking' })).status).toBe(303);
  });

  it('refuses blocking yourself or staff', async () => {
    const { forum, alice } = await setup();
    await forum.member({ username: 'moddy', role: 'moderator' });
    expect((await alice.client.post('/u/alice/block')).status).toBe(400);
    const staff = await alice.client.post('/u/moddy/block');
    expect(staff.status).toBe(403);
    expect(await staff.text()).toContain('Staff members cannot be blocked.');
    expect((await alice.client.post('/u/nobody-here/block')).status).toBe(404);
  });
});

describe('limits on sending', () => {
  it('lets a member who joined today start 3 conversations an hour; the 4th is refused with 429', async () => {
    const { forum, alice } = await setup();
    for (let i = 0; i < 3; i++) await startVia(alice.client, { to: 'bob', raw: `Message ${i}` });
    const fourth = await alice.client.post('/messages', { to: 'bob', title: 'Kept', raw: 'One too many' });
    expect(fourth.status).toBe(429);
    const body = main(await fourth.text());
    expect(body).toContain('value="Kept"');
    expect(body).toContain('One too many');

    // a member of some days is not held to the newcomer limit
    const { user: veteran } = await forum.member({ username: 'veteran' });
    const old = await backdate(forum, veteran);
    const client = forum.client();
    const { createSession } = await import('../../core/accounts/service/sessions.ts');
    client.cookies.set('session', (await createSession(forum.deps.db, old.id)).token);
    for (let i = 0; i < 4; i++) await startVia(client, { to: 'bob', raw: `Veteran ${i}` });
  });

  it('refuses members who may not act (silenced or suspended)', async () => {
    const { forum, alice, bob } = await setup();
    const { conversation } = await startConversation(forum.deps.db, { from: alice.user, to: [bob.user.id], raw: 'Hi' });
    const [silenced] = await forum.deps.db
      .update(users)
      .set({ status: 'suspended', statusUntil: new Date(Date.now() + 86_400_000) })
      .where(eq(users.id, alice.user.id))
      .returning();
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof UserError ? [error.status, error.messageKey] : error),
      );
    expect(await refusal(startConversation(forum.deps.db, { from: silenced!, to: [bob.user.id], raw: 'Hi again' }))).toEqual([403, 'conversations.sanctioned']);
    expect(await refusal(replyToConversation(forum.deps.db, { from: silenced!, conversationId: conversation.id, raw: 'Still here' }))).toEqual([
      403,
      'conversations.sanctioned',
    ]);
    // once the sanction has run out, they may write again
    const expired = { ...silenced!, statusUntil: new Date(Date.now() - 1000) };
    await replyToConversation(forum.deps.db, { from: expired, conversationId: conversation.id, raw: 'Back' });
  });
});
