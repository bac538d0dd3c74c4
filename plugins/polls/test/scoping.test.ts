import { sql } from 'drizzle-orm';
import { insertCategory } from '../../../test/plugins/helpers.ts';
import { addPoll, count, optionIds, pollPath, pollsForum, startThread, threadUrl } from './helpers.ts';

describe('per-category scoping', () => {
  it('in a category where polls are off, poll routes answer 404 and the slot is absent', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const off = await insertCategory(forum.deps.db, 'Elsewhere');
    const elsewhere = await startThread(forum, author.user, off.id, 'No polls here');
    expect((await author.client.get(`/plugins/polls/t/${elsewhere.id}/new`)).status).toBe(404);
    expect((await author.client.post(`/plugins/polls/t/${elsewhere.id}/new`, { polls_kind: 'poll', polls_title: 'Q', polls_options: 'A\nB' })).status).toBe(404);
    // a poll id from another thread is not reachable through this one
    expect((await author.client.get(pollPath(elsewhere.id, pollId))).status).toBe(404);
    const page = await (await author.client.get(threadUrl(elsewhere))).text();
    expect(page).not.toContain('polls-thread');
    expect(page).not.toContain('/plugins/polls/t/');

    // switched off where the poll lives: its routes 404 and it disappears from the thread
    const [first] = await optionIds(forum, pollId);
    await forum.deps.pluginHost.state.setCategory('polls', thread.categoryId, false);
    const { client } = await forum.member();
    expect((await client.post(pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) })).status).toBe(404);
    expect((await client.get(pollPath(thread.id, pollId))).status).toBe(404);
    expect(await (await client.get(threadUrl(thread))).text()).not.toContain(`polls-poll-${pollId}`);
    expect(await count(forum, sql`select count(*)::int as n from polls_polls`)).toBe(1);
  });

  it('composer hooks do nothing in a category where polls are off', async () => {
    const { forum, author } = await pollsForum();
    const off = await insertCategory(forum.deps.db, 'Plain');
    const form = { polls_title: 'Lunch?', polls_options: 'only one option' };
    const draft = { title: 'T', raw: 'B', categoryId: off.id, tags: [], source: null };
    await expect(forum.deps.plugins.hooks.filter('thread.beforeCreate', draft, { user: author.user, categoryId: off.id, form })).resolves.toMatchObject(draft);
    const thread = await startThread(forum, author.user, off.id);
    await forum.deps.plugins.hooks.action('thread.created', { thread, post: {} as never, category: off }, { user: author.user, categoryId: off.id, form: { ...form, polls_options: 'A\nB' } });
    expect(await count(forum, sql`select count(*)::int as n from polls_polls`)).toBe(0);
  });

  it('never shows polls of a thread the member cannot read', async () => {
    const { forum } = await pollsForum();
    const { user: admin, client: adminClient } = await forum.member({ role: 'admin' });
    const staffOnly = await insertCategory(forum.deps.db, 'Staff', 'moderator');
    await forum.deps.pluginHost.state.setCategory('polls', staffOnly.id, true);
    const secret = await startThread(forum, admin, staffOnly.id, 'Staff vote');
    const pollId = await addPoll(adminClient, secret.id);
    const { client } = await forum.member();
    expect((await client.get(pollPath(secret.id, pollId))).status).toBe(404);
    expect((await client.get(pollPath(secret.id, pollId, '/export.csv'))).status).toBe(404);
    expect((await adminClient.get(pollPath(secret.id, pollId))).status).toBe(200);
  });
});
