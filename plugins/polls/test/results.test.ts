import { sql } from 'drizzle-orm';
import { addPoll, optionIds, pollPath, pollsForum, threadUrl } from './helpers.ts';

describe('results', () => {
  it('"always": everyone sees the bars, guests included', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id, { polls_results: 'always' });
    const [first] = await optionIds(forum, pollId);
    const { client } = await forum.member();
    await client.post(pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) });
    const html = await (await forum.client().get(threadUrl(thread))).text();
    expect(html).toContain('1 vote · 100%');
    expect(html).toContain('0 votes · 0%');
  });

  it('"after voting": hidden until the member votes (the author always sees them)', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id, { polls_results: 'voted' });
    const [first] = await optionIds(forum, pollId);
    const early = await forum.member();
    await early.client.post(pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) });
    const { client } = await forum.member();
    const before = await (await client.htmx('GET', pollPath(thread.id, pollId))).text();
    expect(before).not.toContain('polls-count');
    expect(before).toContain('Results are shown once you have voted.');
    expect(await (await author.client.htmx('GET', pollPath(thread.id, pollId))).text()).toContain('1 vote · 100%');
    const after = await (await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) })).text();
    expect(after).toContain('2 votes · 100%');
  });

  it('"after close": hidden after voting, shown once the poll closes', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id, { polls_results: 'closed' });
    const [first] = await optionIds(forum, pollId);
    const { client } = await forum.member();
    const voted = await (await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) })).text();
    expect(voted).not.toContain('polls-count');
    expect(voted).toContain('Results are shown when the poll closes.');
    await author.client.post(pollPath(thread.id, pollId, '/close'));
    const closed = await (await client.htmx('GET', pollPath(thread.id, pollId))).text();
    expect(closed).toContain('1 vote · 100%');
    expect(closed).not.toContain('Change vote');
  });

  it('public polls name their voters, in the page and the CSV', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id, { polls_options: 'Tea, "green"\n奶茶' });
    const [tea] = await optionIds(forum, pollId);
    const { client } = await forum.member({ username: 'openvoter', displayName: 'Open Voter' });
    await client.post(pollPath(thread.id, pollId, '/vote'), { [`q${tea!.questionId}`]: String(tea!.optionId) });
    const html = await (await forum.client().get(threadUrl(thread))).text();
    expect(html).toContain('Open Voter');
    expect((await client.get(pollPath(thread.id, pollId, '/export.csv'))).status).toBe(403);
    const res = await author.client.get(pollPath(thread.id, pollId, '/export.csv'));
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv).toContain('openvoter,Open Voter,');
    expect(csv).toContain('"Tea, ""green"""');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFUsername,Name,Submitted at (UTC),Where shall we go?');
  });

  it('anonymous polls never reveal voters: not in the page, the fragment, the results page or the CSV', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id, { polls_anonymous: 'on' });
    const [first] = await optionIds(forum, pollId);
    const { client } = await forum.member({ username: 'hiddenvoter', displayName: 'Hidden Voter' });
    const fragment = await (await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) })).text();
    expect(fragment).toContain('1 vote · 100%');
    const { client: staff } = await forum.member({ role: 'admin' });
    const pages = [
      fragment,
      await (await forum.client().get(threadUrl(thread))).text(),
      await (await staff.get(threadUrl(thread))).text(),
      await (await author.client.get(pollPath(thread.id, pollId, '/results'))).text(),
      await (await staff.get(pollPath(thread.id, pollId, '/export.csv'))).text(),
    ];
    for (const page of pages) {
      expect(page).not.toContain('hiddenvoter');
      expect(page).not.toContain('Hidden Voter');
    }
    const csv = pages[4]!;
    expect(csv).toContain('Question,Answer,Count');
    expect(csv).toContain('Where shall we go?,Hiking,1');
    // the member's id is kept only to enforce one vote each
    const [row] = await forum.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from polls_responses where poll_id = ${pollId}`);
    expect(row!.n).toBe(1);
  });

  it('the anonymous setting cannot be used where it is switched off', async () => {
    const { forum, author, thread, category } = await pollsForum();
    await forum.deps.pluginHost.state.setCategory('polls', category.id, true, { allowAnonymous: false });
    const res = await author.client.post(`/plugins/polls/t/${thread.id}/new`, { polls_kind: 'poll', polls_title: 'Q', polls_options: 'A\nB', polls_anonymous: 'on' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Anonymous polls are not allowed in this category.');
  });
});
