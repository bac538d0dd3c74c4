import { sql } from 'drizzle-orm';
import { answer, count, postHtml, postOrder, qaForum, threadUrl } from './helpers.ts';

const commentsPath = (threadId: number, postId: number) => `/plugins/qa/t/${threadId}/p/${postId}/comments`;

describe('comments under answers', () => {
  it('a member comments under an answer: shown under it, not counted as a post, the author is told', async () => {
    const { forum, asker, thread } = await qaForum();
    const answerer = await forum.member();
    const reply = await answer(forum, answerer.user, thread.id);
    const res = await asker.client.htmx('POST', commentsPath(thread.id, reply.id), { qa_comment: '  Which   model is it? <b>bold</b> ' });
    expect(res.status).toBe(200);
    const fragment = await res.text();
    expect(fragment).toContain('Which model is it? &lt;b&gt;bold&lt;/b&gt;');
    expect(fragment).toContain(`id="qa-comments-${reply.id}"`);
    const html = await (await forum.client().get(threadUrl(thread))).text();
    expect(postHtml(html, reply.id)).toContain('Which model is it?');
    expect(postOrder(html)).toHaveLength(2); // the question and one answer: comments are not posts
    const [t] = await forum.deps.database.rows<{ reply_count: number; last_post_number: number }>(sql`select reply_count, last_post_number from threads where id = ${thread.id}`);
    expect(t).toEqual({ reply_count: 1, last_post_number: 2 });
    expect(await count(forum, sql`select count(*)::int as n from notifications where user_id = ${answerer.user.id} and type = 'qa.commented'`)).toBe(1);
  });

  it('refuses empty and too long comments with the form again, and guests', async () => {
    const { forum, asker, thread } = await qaForum();
    const answerer = await forum.member();
    const reply = await answer(forum, answerer.user, thread.id);
    const empty = await asker.client.htmx('POST', commentsPath(thread.id, reply.id), { qa_comment: ' ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('A comment is 2 to 600 characters.');
    const long = await asker.client.post(commentsPath(thread.id, reply.id), { qa_comment: 'x'.repeat(601) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('<!doctype html>'); // a whole page without JavaScript
    expect((await forum.client().post(commentsPath(thread.id, reply.id), { qa_comment: 'hello there' })).status).toBe(403);
    expect(await count(forum, sql`select count(*)::int as n from qa_comments`)).toBe(0);
  });

  it('its author or staff delete a comment; others may not', async () => {
    const { forum, asker, thread } = await qaForum();
    const answerer = await forum.member();
    const moderator = await forum.member({ role: 'moderator' });
    const reply = await answer(forum, answerer.user, thread.id);
    await asker.client.post(commentsPath(thread.id, reply.id), { qa_comment: 'First comment' });
    await asker.client.post(commentsPath(thread.id, reply.id), { qa_comment: 'Second comment' });
    const ids = (await forum.deps.database.rows<{ id: number }>(sql`select id from qa_comments order by id`)).map((r) => r.id);
    expect((await answerer.client.post(`/plugins/qa/t/${thread.id}/comments/${ids[0]}/delete`, {})).status).toBe(403);
    expect((await asker.client.htmx('POST', `/plugins/qa/t/${thread.id}/comments/${ids[0]}/delete`)).status).toBe(200);
    expect((await moderator.client.post(`/plugins/qa/t/${thread.id}/comments/${ids[1]}/delete`, {})).status).toBe(303);
    const html = await (await forum.client().get(threadUrl(thread))).text();
    expect(html).not.toContain('First comment');
    expect(html).not.toContain('Second comment');
  });
});

describe('structured data', () => {
  it('the question page carries schema.org QAPage JSON-LD that a title cannot break out of', async () => {
    const { forum, asker, category } = await qaForum();
    const { ask } = await import('./helpers.ts');
    const thread = await ask(forum, asker.user, category.id, 'Why does </script><script>alert(1)</script> & co fail?');
    const answerer = await forum.member();
    const good = await answer(forum, answerer.user, thread.id, 'Because **escaping** matters.');
    await answer(forum, answerer.user, thread.id, 'No idea.');
    await asker.client.post(`/plugins/qa/t/${thread.id}/p/${good.id}/accept`, {});
    const res = await forum.client().get(threadUrl(thread));
    const html = await res.text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const json = blocks[0]![1]!;
    expect(json).not.toMatch(/[<>]/);
    const data = JSON.parse(json);
    expect(data['@type']).toBe('QAPage');
    expect(data.mainEntity).toMatchObject({
      '@type': 'Question',
      name: 'Why does </script><script>alert(1)</script> & co fail?',
      answerCount: 2,
      acceptedAnswer: { '@type': 'Answer', text: 'Because escaping matters.', url: `http://forum.test/p/${good.id}` },
    });
    expect(data.mainEntity.suggestedAnswer).toHaveLength(1);
    // the data block is not script: the page's CSP still allows no inline script
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toContain('<script>alert(1)');
  });
});
