import { sql } from 'drizzle-orm';
import { acceptPath, answer, ask, count, postOrder, qaForum, threadUrl, votePath } from './helpers.ts';

describe('Q&A is per category', () => {
  it('where it is off a thread is a plain thread: number order, no Q&A controls, routes 404', async () => {
    const { forum, asker, plain } = await qaForum();
    const other = await forum.member();
    const thread = await ask(forum, asker.user, plain.id, 'Just chatting');
    const a1 = await answer(forum, other.user, thread.id);
    const a2 = await answer(forum, asker.user, thread.id);
    // a vote would matter in a Q&A category: here it is refused before anything is written
    const res = await asker.client.post(votePath(thread.id, a1.id), { value: '1' });
    expect(res.status).toBe(404);
    expect((await asker.client.post(acceptPath(thread.id, a1.id), {})).status).toBe(404);
    expect((await asker.client.get(`/plugins/qa/c/${plain.id}/questions`)).status).toBe(404);
    expect(await count(forum, sql`select count(*)::int as n from qa_votes`)).toBe(0);
    expect(await count(forum, sql`select count(*)::int as n from qa_questions where thread_id = ${thread.id}`)).toBe(0);
    const html = await (await asker.client.get(threadUrl(thread))).text();
    expect(html).not.toMatch(/qa-vote|qa-status|application\/ld\+json|qa-comments/);
    expect(postOrder(html).slice(1)).toEqual([a1.id, a2.id]);
    const category = await (await asker.client.get(`/c/${plain.slug}`)).text();
    expect(category).not.toContain('qa-category-links');
  });

  it('answers are ordered by score then age; switching Q&A off in the category restores number order', async () => {
    const { forum, asker, thread, category } = await qaForum();
    const voters = [await forum.member(), await forum.member()];
    const answerer = await forum.member();
    const a1 = await answer(forum, answerer.user, thread.id, 'first');
    const a2 = await answer(forum, answerer.user, thread.id, 'second');
    const a3 = await answer(forum, answerer.user, thread.id, 'third');
    for (const voter of voters) await voter.client.post(votePath(thread.id, a3.id), { value: '1' });
    await voters[0]!.client.post(votePath(thread.id, a1.id), { value: '-1' });
    let html = await (await asker.client.get(threadUrl(thread))).text();
    expect(postOrder(html).slice(1)).toEqual([a3.id, a2.id, a1.id]);
    expect(html).toContain('qa-vote');
    await forum.deps.pluginHost.state.setCategory('qa', category.id, false);
    html = await (await asker.client.get(threadUrl(thread))).text();
    expect(postOrder(html).slice(1)).toEqual([a1.id, a2.id, a3.id]);
    expect(html).not.toContain('qa-vote');
  });

  it('pages of a long question are slices of the ordered list, and every post appears once', async () => {
    const { forum, asker, thread } = await qaForum();
    const answerer = await forum.member();
    // 24 answers in one statement: the services are not what this test is about, and they are slow in bulk
    const inserted = await forum.deps.database.rows<{ id: number }>(sql`
      insert into posts (thread_id, author_id, number, raw, html)
      select ${thread.id}, ${answerer.user.id}, n, 'answer ' || n, '<p>answer ' || n || '</p>' from generate_series(2, 25) as n
      returning id`);
    await forum.deps.database.rows(sql`update threads set last_post_number = 25, reply_count = 24 where id = ${thread.id}`);
    const ids = inserted.map((r) => r.id).sort((a, b) => a - b);
    const last = ids[23]!;
    await asker.client.post(votePath(thread.id, last), { value: '1' });
    const page1 = postOrder(await (await asker.client.get(threadUrl(thread))).text());
    const page2 = postOrder(await (await asker.client.get(`${threadUrl(thread)}?page=2`)).text());
    expect(page1).toHaveLength(20);
    expect(page1[1]).toBe(last);
    expect([...page1, ...page2].slice(1).sort((a, b) => a - b)).toEqual(ids);
    expect((await asker.client.get(`${threadUrl(thread)}?page=3`)).status).toBe(404);
  });
});
