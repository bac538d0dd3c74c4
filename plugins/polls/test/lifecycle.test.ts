import { sql } from 'drizzle-orm';
import type { ActionHooks } from '../../../core/plugins/api.ts';
import { addPoll, count, pollPath, pollsForum, threadUrl } from './helpers.ts';

describe('managing a poll', () => {
  it('the author edits title, closing time and results mode; others may not', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const { client } = await forum.member();
    expect((await client.get(pollPath(thread.id, pollId, '/edit'))).status).toBe(403);
    const form = await (await author.client.get(pollPath(thread.id, pollId, '/edit'))).text();
    expect(form).toContain('value="Where shall we go?"');
    const invalid = await author.client.post(pollPath(thread.id, pollId, '/edit'), { polls_title: '', polls_results: 'always' });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('Give it a title (or question).');
    const saved = await author.client.post(pollPath(thread.id, pollId, '/edit'), { polls_title: 'Where to, then?', polls_results: 'closed', polls_closes_at: '2099-05-05T05:05' });
    expect(saved.status).toBe(303);
    const [row] = await forum.deps.database.rows<{ title: string; results: string; prompt: string }>(
      sql`select p.title, p.results, q.prompt from polls_polls p join polls_questions q on q.poll_id = p.id where p.id = ${pollId}`,
    );
    expect(row).toEqual({ title: 'Where to, then?', results: 'closed', prompt: 'Where to, then?' });
  });

  it('closes by itself at its closing time (a job, idempotent) and announces it once', async () => {
    const { forum, author, thread } = await pollsForum();
    const closed: ActionHooks['polls.closed'][] = [];
    forum.deps.plugins.hooks.addAction('polls.closed', (p) => void closed.push(p), { owner: 'test' });
    const pollId = await addPoll(author.client, thread.id, { polls_closes_at: '2099-01-01T00:00' });
    expect(await count(forum, sql`select count(*)::int as n from pgboss.job where name = 'polls.close'`)).toBe(1);
    await forum.deps.jobs.send('polls.close', { pollId });
    await forum.deps.jobs.drain('polls.close');
    expect(closed).toEqual([]);
    await forum.deps.database.rows(sql`update polls_polls set closes_at = now() - interval '1 second' where id = ${pollId}`);
    await forum.deps.jobs.send('polls.close', { pollId });
    await forum.deps.jobs.send('polls.close', { pollId });
    await forum.deps.jobs.drain('polls.close');
    expect(closed).toEqual([{ pollId, threadId: thread.id, closedBy: null }]);
    expect(await count(forum, sql`select count(*)::int as n from polls_polls where closed_at is not null`)).toBe(1);
  });

  it('the author deletes a poll (htmx removes the block)', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const res = await author.client.htmx('POST', pollPath(thread.id, pollId, '/delete'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(await count(forum, sql`select count(*)::int as n from polls_polls`)).toBe(0);
    expect(await (await author.client.get(threadUrl(thread))).text()).not.toContain(`polls-poll-${pollId}`);
  });
});
