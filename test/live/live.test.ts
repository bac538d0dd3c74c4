import { createTestForum } from '../helpers/app.ts';
import { insertCategory, insertThread } from '../plugins/helpers.ts';

async function readEvents(res: Response, count: number): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { event: string; data: Record<string, unknown> }[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let index;
    while ((index = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
      events.push({ event, data });
    }
  }
  await reader.cancel();
  return events;
}

describe('live updates (SSE)', () => {
  it('streams a new post to the open thread page', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member();
    const cat = await insertCategory(forum.deps.db, 'General');
    const thread = await insertThread(forum.deps.db, cat.id, user.id);
    const res = await forum.client().get(`/live?thread=${thread.id}`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = readEvents(res, 2);
    await new Promise((r) => setTimeout(r, 50));
    await forum.deps.live.publish({ channel: `thread:${thread.id}`, event: 'post', data: { threadId: thread.id, number: 2, postId: 9 } });
    const received = await events;
    expect(received[0]!.event).toBe('ready');
    expect(received[1]).toEqual({ event: 'post', data: { channel: `thread:${thread.id}`, threadId: thread.id, number: 2, postId: 9 } });
  });

  it('refuses a stream for a thread the viewer cannot read', async () => {
    const forum = await createTestForum();
    const { user } = await forum.member({ role: 'admin' });
    const staff = await insertCategory(forum.deps.db, 'Staff', 'moderator');
    const thread = await insertThread(forum.deps.db, staff.id, user.id);
    expect((await forum.client().get(`/live?thread=${thread.id}`)).status).toBe(404);
    const poll = await (await forum.client().get(`/live/poll?thread=${thread.id}`)).json();
    expect(poll).toEqual({ lastNumber: 0, unreadNotifications: 0 });
  });

  it('the polling fallback reports the last post number', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member();
    const cat = await insertCategory(forum.deps.db, 'General');
    const thread = await insertThread(forum.deps.db, cat.id, user.id);
    const { threads } = await import('../../core/db/schema.ts');
    const { eq } = await import('drizzle-orm');
    await forum.deps.db.update(threads).set({ lastPostNumber: 7 }).where(eq(threads.id, thread.id));
    expect(await (await client.get(`/live/poll?thread=${thread.id}`)).json()).toEqual({ lastNumber: 7, unreadNotifications: 0 });
  });
});
