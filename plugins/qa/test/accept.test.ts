import { sql } from 'drizzle-orm';
import type { ActionHooks } from '../../../core/plugins/api.ts';
import { deletePost } from '../../../core/forum/service/delete-post.ts';
import { acceptedId, acceptPath, answer, count, postHtml, postOrder, qaForum, threadUrl, unacceptPath, votePath } from './helpers.ts';

describe('accepting an answer', () => {
  it('the asker accepts; it shows right under the question with a mark, the thread is solved, the answerer is told', async () => {
    const { forum, asker, thread } = await qaForum();
    const first = await forum.member();
    const second = await forum.member();
    const early = await answer(forum, first.user, thread.id, 'Try turning it off and on.');
    const late = await answer(forum, second.user, thread.id, 'Update the firmware.');
    const accepted: ActionHooks['qa.answerAccepted'][] = [];
    forum.deps.plugins.hooks.addAction('qa.answerAccepted', (p) => void accepted.push(p), { owner: 'test' });

    const res = await asker.client.post(acceptPath(thread.id, late.id), {});
    expect(res.status).toBe(303);
    expect(await acceptedId(forum, thread.id)).toBe(late.id);
    expect(accepted.map((a) => [a.answer.id, a.acceptedBy.id, a.previousAnswerId, a.thread.id])).toEqual([[late.id, asker.user.id, null, thread.id]]);

    const html = await (await forum.client().get(threadUrl(thread))).text();
    const order = postOrder(html);
    expect(order.slice(1)).toEqual([late.id, early.id]);
    expect(postHtml(html, late.id)).toContain('qa-accepted-mark');
    expect(postHtml(html, early.id)).not.toContain('qa-accepted-mark');
    expect(html).toContain('✓ Solved');
    expect(await count(forum, sql`select count(*)::int as n from notifications where user_id = ${second.user.id} and type = 'qa.accepted'`)).toBe(1);
  });

  it('the asker changes the accepted answer and withdraws it; both are announced', async () => {
    const { forum, asker, thread } = await qaForum();
    const other = await forum.member();
    const a1 = await answer(forum, other.user, thread.id);
    const a2 = await answer(forum, other.user, thread.id, 'Another idea.');
    const accepted: ActionHooks['qa.answerAccepted'][] = [];
    const unaccepted: ActionHooks['qa.answerUnaccepted'][] = [];
    forum.deps.plugins.hooks.addAction('qa.answerAccepted', (p) => void accepted.push(p), { owner: 'test' });
    forum.deps.plugins.hooks.addAction('qa.answerUnaccepted', (p) => void unaccepted.push(p), { owner: 'test' });
    await asker.client.post(acceptPath(thread.id, a1.id), {});
    await asker.client.post(acceptPath(thread.id, a1.id), {}); // again: no change, no second announcement
    const htmx = await asker.client.htmx('POST', acceptPath(thread.id, a2.id));
    expect(htmx.status).toBe(204);
    expect(htmx.headers.get('hx-redirect')).toBe(`/t/${thread.id}#post-1`);
    expect(accepted.map((a) => [a.answer.id, a.previousAnswerId])).toEqual([
      [a1.id, null],
      [a2.id, a1.id],
    ]);
    await asker.client.post(unacceptPath(thread.id), {});
    expect(await acceptedId(forum, thread.id)).toBeNull();
    expect(unaccepted.map((u) => [u.answer.id, u.by.id])).toEqual([[a2.id, asker.user.id]]);
  });

  it('another member may not accept; staff may; with “staff only” the asker may not', async () => {
    const { forum, asker, thread, category } = await qaForum();
    const other = await forum.member();
    const moderator = await forum.member({ role: 'moderator' });
    const reply = await answer(forum, other.user, thread.id);
    const refused = await other.client.post(acceptPath(thread.id, reply.id), {});
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Only the asker or staff can accept an answer here.');
    expect((await forum.client().post(acceptPath(thread.id, reply.id), {})).status).toBe(403);
    expect(await acceptedId(forum, thread.id)).toBeNull();
    // the accept button is shown to the asker only
    expect(await (await other.client.get(threadUrl(thread))).text()).not.toContain('Accept this answer');
    expect(await (await asker.client.get(threadUrl(thread))).text()).toContain('Accept this answer');

    expect((await moderator.client.post(acceptPath(thread.id, reply.id), {})).status).toBe(303);
    expect(await acceptedId(forum, thread.id)).toBe(reply.id);

    await forum.deps.pluginHost.state.setCategory('qa', category.id, true, { whoMayAccept: 'staff' });
    expect((await asker.client.post(unacceptPath(thread.id), {})).status).toBe(403);
    expect(await (await asker.client.get(threadUrl(thread))).text()).not.toContain('Accepted (click to withdraw)');
    expect((await moderator.client.post(unacceptPath(thread.id), {})).status).toBe(303);
    expect(await acceptedId(forum, thread.id)).toBeNull();
  });

  it('the question itself, a post of another thread and a deleted answer cannot be accepted', async () => {
    const { forum, asker, thread, category } = await qaForum();
    const other = await forum.member();
    const [first] = await forum.deps.database.rows<{ id: number }>(sql`select id from posts where thread_id = ${thread.id} and number = 1`);
    expect((await asker.client.post(acceptPath(thread.id, first!.id), {})).status).toBe(404);
    const { ask } = await import('./helpers.ts');
    const elsewhere = await ask(forum, other.user, category.id, 'Another question');
    const foreign = await answer(forum, asker.user, elsewhere.id);
    expect((await asker.client.post(acceptPath(thread.id, foreign.id), {})).status).toBe(404);
    const reply = await answer(forum, other.user, thread.id);
    await forum.deps.database.rows(sql`update posts set deleted_at = now() where id = ${reply.id}`);
    expect((await asker.client.post(acceptPath(thread.id, reply.id), {})).status).toBe(404);
    expect((await asker.client.post(votePath(thread.id, reply.id), { value: '1' })).status).toBe(404);
  });

  it('deleting the accepted answer withdraws the acceptance', async () => {
    const { forum, asker, thread } = await qaForum();
    const other = await forum.member();
    const moderator = await forum.member({ role: 'moderator' });
    const reply = await answer(forum, other.user, thread.id);
    await asker.client.post(acceptPath(thread.id, reply.id), {});
    const unaccepted: ActionHooks['qa.answerUnaccepted'][] = [];
    forum.deps.plugins.hooks.addAction('qa.answerUnaccepted', (p) => void unaccepted.push(p), { owner: 'test' });
    await deletePost({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user: moderator.user }, reply.id);
    expect(await acceptedId(forum, thread.id)).toBeNull();
    expect(unaccepted.map((u) => [u.answer.id, u.by.id])).toEqual([[reply.id, moderator.user.id]]);
  });
});
