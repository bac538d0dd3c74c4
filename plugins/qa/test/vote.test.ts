import { sql } from 'drizzle-orm';
import type { ActionHooks } from '../../../core/plugins/api.ts';
import { castVote } from '../service/vote.ts';
import { answer, count, manyMembers, qaForum, score, threadUrl, votePath } from './helpers.ts';

describe('voting on answers', () => {
  it('members vote up, change to down and remove their vote; the score follows', async () => {
    const { forum, asker, thread } = await qaForum();
    const answerer = await forum.member();
    const reply = await answer(forum, answerer.user, thread.id);
    const voted: ActionHooks['qa.answerVoted'][] = [];
    forum.deps.plugins.hooks.addAction('qa.answerVoted', (p) => void voted.push(p), { owner: 'test' });

    const up = await asker.client.htmx('POST', votePath(thread.id, reply.id), { value: '1' });
    expect(up.status).toBe(200);
    expect(await up.text()).toMatch(/class="qa-score"[^>]*>1</);
    expect(await score(forum, reply.id)).toBe(1);

    await asker.client.htmx('POST', votePath(thread.id, reply.id), { value: '-1' });
    expect(await score(forum, reply.id)).toBe(-1);
    const again = await asker.client.post(votePath(thread.id, reply.id), { value: '-1' });
    expect(again.status).toBe(303); // the same vote twice changes nothing
    expect(await score(forum, reply.id)).toBe(-1);

    await asker.client.htmx('POST', votePath(thread.id, reply.id), { value: '0' });
    expect(await score(forum, reply.id)).toBe(0);
    expect(await count(forum, sql`select count(*)::int as n from qa_votes`)).toBe(0);

    expect(voted.map((v) => [v.value, v.previous, v.voter.id, v.answer.id, v.thread.id])).toEqual([
      [1, 0, asker.user.id, reply.id, thread.id],
      [-1, 1, asker.user.id, reply.id, thread.id],
      [0, -1, asker.user.id, reply.id, thread.id],
    ]);
  });

  it('refuses votes on your own post, from guests, with a bad value, and in a closed question', async () => {
    const { forum, asker, thread } = await qaForum();
    const answerer = await forum.member();
    const reply = await answer(forum, answerer.user, thread.id);
    const own = await answerer.client.htmx('POST', votePath(thread.id, reply.id), { value: '1' });
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('You cannot vote on your own post.');
    expect((await forum.client().post(votePath(thread.id, reply.id), { value: '1' })).status).toBe(403);
    expect((await asker.client.post(votePath(thread.id, reply.id), { value: '7' })).status).toBe(422);
    await forum.deps.database.rows(sql`update threads set locked = true where id = ${thread.id}`);
    expect((await asker.client.post(votePath(thread.id, reply.id), { value: '1' })).status).toBe(409);
    expect(await count(forum, sql`select count(*)::int as n from qa_votes`)).toBe(0);
    // the widget tells the author why there are no buttons
    const page = await (await answerer.client.get(threadUrl(thread))).text();
    expect(page).toContain('You cannot vote on your own post');
  });

  it('votes on the question itself count for sorting but are not announced as answer votes', async () => {
    const { forum, thread } = await qaForum();
    const voter = await forum.member();
    const voted: unknown[] = [];
    forum.deps.plugins.hooks.addAction('qa.answerVoted', (p) => void voted.push(p), { owner: 'test' });
    const [first] = await forum.deps.database.rows<{ id: number }>(sql`select id from posts where thread_id = ${thread.id} and number = 1`);
    expect((await voter.client.post(votePath(thread.id, first!.id), { value: '1' })).status).toBe(303);
    expect(await score(forum, first!.id)).toBe(1);
    expect(voted).toEqual([]);
  });

  it('100 concurrent votes (and repeats) on one answer count exactly once each', async () => {
    const { forum, thread } = await qaForum();
    const answerer = await forum.member();
    const reply = await answer(forum, answerer.user, thread.id);
    const voters = await manyMembers(forum, 100);
    const [t] = await forum.deps.database.rows<typeof thread>(sql`select * from threads where id = ${thread.id}`);
    const api = { db: forum.deps.db, emit: async () => {} } as unknown as Parameters<typeof castVote>[0];
    const fullThread = { ...thread, ...t, locked: false };
    // every voter votes up twice at the same time, the first 30 then switch to down
    await Promise.all(voters.flatMap((voter) => [1, 1].map(() => castVote(api, { thread: fullThread, post: reply, voter, value: 1 }))));
    expect(await score(forum, reply.id)).toBe(100);
    await Promise.all(voters.slice(0, 30).map((voter) => castVote(api, { thread: fullThread, post: reply, voter, value: -1 })));
    const [row] = await forum.deps.database.rows<{ score: number; up: number; down: number; votes: number; total: number }>(
      sql`select s.score, s.up_count as up, s.down_count as down,
                 (select count(*)::int from qa_votes v where v.post_id = s.post_id) as votes,
                 (select coalesce(sum(value), 0)::int from qa_votes v where v.post_id = s.post_id) as total
          from qa_scores s where s.post_id = ${reply.id}`,
    );
    expect(row).toEqual({ score: 40, up: 70, down: 30, votes: 100, total: 40 });
  });
});
