import { sql } from 'drizzle-orm';
import type { ActionHooks } from '../../../core/plugins/api.ts';
import { addPoll, count, optionIds, pollPath, pollsForum, threadUrl } from './helpers.ts';

const responses = (pollId: number) => sql`select count(*)::int as n from polls_responses where poll_id = ${pollId}`;
const choicesOf = (pollId: number) => sql`select count(*)::int as n from polls_choices where poll_id = ${pollId}`;

describe('voting', () => {
  it('a member votes and changes the vote in place (htmx fragment with bars); one response stays one', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const [hiking, cinema] = await optionIds(forum, pollId);
    const { client } = await forum.member();
    const voted = await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${hiking!.questionId}`]: String(hiking!.optionId) });
    expect(voted.status).toBe(200);
    const fragment = await voted.text();
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain(`id="polls-poll-${pollId}"`);
    expect(fragment).toContain('Your vote was counted.');
    expect(fragment).toContain('1 vote · 100%');
    expect(fragment).toContain('polls-w-100');
    expect(fragment).toContain('Change vote');

    const changed = await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${cinema!.questionId}`]: String(cinema!.optionId) });
    expect(await changed.text()).toContain('Your vote was changed.');
    expect(await count(forum, responses(pollId))).toBe(1);
    const [row] = await forum.deps.database.rows<{ option: number }>(sql`select option_id as option from polls_choices where poll_id = ${pollId}`);
    expect(row!.option).toBe(cinema!.optionId);

    // without JavaScript the same form posts and redirects back to the poll
    const plain = await client.post(pollPath(thread.id, pollId, '/vote'), { [`q${hiking!.questionId}`]: String(hiking!.optionId) });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/t/${thread.id}#polls-poll-${pollId}`);
    const page = await (await client.get(threadUrl(thread))).text();
    expect(page).toMatch(/polls-option polls-chosen"><div class="polls-choice"><input id="polls-o-\d+" type="radio" name="q\d+" value="\d+" checked=""\/><label for="polls-o-\d+">Hiking/);
  });

  it('multiple choice enforces min and max picks, and only the poll’s own options', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id, { polls_options: 'Red\nGreen\nBlue\nYellow', polls_min: '2', polls_max: '3' });
    const other = await addPoll(author.client, thread.id);
    const options = await optionIds(forum, pollId);
    const field = `q${options[0]!.questionId}`;
    const { client } = await forum.member();
    const vote = (ids: number[]) => client.post(pollPath(thread.id, pollId, '/vote'), { [field]: ids.map(String) });
    const few = await vote([options[0]!.optionId]);
    expect(few.status).toBe(422);
    expect(await few.text()).toContain('Pick at least 2 options.');
    const many = await vote(options.map((o) => o.optionId));
    expect(many.status).toBe(422);
    expect(await many.text()).toContain('Pick at most 3 options.');
    const foreign = await vote([options[0]!.optionId, (await optionIds(forum, other))[0]!.optionId]);
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('That option does not belong to this question.');
    expect(await count(forum, responses(pollId))).toBe(0);
    expect((await vote([options[0]!.optionId, options[2]!.optionId])).status).toBe(303);
    expect(await count(forum, choicesOf(pollId))).toBe(2);
    // a single-choice poll takes exactly one
    const single = await optionIds(forum, other);
    const two = await client.post(pollPath(thread.id, other, '/vote'), { [`q${single[0]!.questionId}`]: [String(single[0]!.optionId), String(single[1]!.optionId)] });
    expect(two.status).toBe(422);
    expect(await two.text()).toContain('Pick one option.');
  });

  it('a closed poll refuses votes with a clear message (409), closed by hand or by its closing time', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const [first] = await optionIds(forum, pollId);
    const ballot = { [`q${first!.questionId}`]: String(first!.optionId) };
    const { client } = await forum.member();
    expect((await client.post(pollPath(thread.id, pollId, '/close'))).status).toBe(403);
    const closed = await author.client.htmx('POST', pollPath(thread.id, pollId, '/close'));
    expect(closed.status).toBe(200);
    expect(await closed.text()).toContain('Reopen');
    const refused = await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), ballot);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This poll is closed: votes are no longer accepted.');
    expect(await count(forum, responses(pollId))).toBe(0);

    await author.client.post(pollPath(thread.id, pollId, '/reopen'));
    expect((await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), ballot)).status).toBe(200);
    await forum.deps.database.rows(sql`update polls_polls set closes_at = now() - interval '1 minute' where id = ${pollId}`);
    const late = await client.post(pollPath(thread.id, pollId, '/vote'), ballot);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('This poll is closed');
  });

  it('guests are asked to log in; they cannot vote', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const [first] = await optionIds(forum, pollId);
    const guest = forum.client();
    const page = await (await guest.get(threadUrl(thread))).text();
    expect(page).toContain('Log in to take part');
    const res = await guest.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) });
    expect(res.status).toBe(403);
    expect(await count(forum, responses(pollId))).toBe(0);
  });

  it('50 concurrent votes by one member count once', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const options = await optionIds(forum, pollId);
    const { client } = await forum.member();
    await client.csrf();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const option = options[i % options.length]!;
        return client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${option.questionId}`]: String(option.optionId) });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await count(forum, responses(pollId))).toBe(1);
    expect(await count(forum, choicesOf(pollId))).toBe(1);
    const html = await (await author.client.htmx('GET', pollPath(thread.id, pollId))).text();
    expect(html).toContain('1 voter');
    expect(html.match(/1 vote · 100%/g)).toHaveLength(1);
  });

  it('fires polls.voted and polls.closed for other plugins; anonymous votes carry no member', async () => {
    const { forum, author, thread } = await pollsForum();
    const voted: ActionHooks['polls.voted'][] = [];
    const closed: ActionHooks['polls.closed'][] = [];
    forum.deps.plugins.hooks.addAction('polls.voted', (p) => void voted.push(p), { owner: 'test' });
    forum.deps.plugins.hooks.addAction('polls.closed', (p) => void closed.push(p), { owner: 'test' });
    const publicPoll = await addPoll(author.client, thread.id);
    const secretPoll = await addPoll(author.client, thread.id, { polls_anonymous: 'on' });
    const { user, client } = await forum.member();
    for (const pollId of [publicPoll, secretPoll]) {
      const [first] = await optionIds(forum, pollId);
      await client.post(pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) });
    }
    expect(voted).toEqual([
      { pollId: publicPoll, threadId: thread.id, kind: 'poll', userId: user.id, changed: false },
      { pollId: secretPoll, threadId: thread.id, kind: 'poll', userId: null, changed: false },
    ]);
    await author.client.post(pollPath(thread.id, publicPoll, '/close'));
    await author.client.post(pollPath(thread.id, publicPoll, '/close'));
    expect(closed).toEqual([{ pollId: publicPoll, threadId: thread.id, closedBy: author.user.id }]);
  });
});
