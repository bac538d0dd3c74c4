import { sql } from 'drizzle-orm';
import { HookRejection } from '../../../core/plugins/api.ts';
import { addPoll, count, optionIds, pollsForum, threadUrl } from './helpers.ts';

describe('creating polls', () => {
  it('the thread starter adds a poll from the thread page; it shows below the first post', async () => {
    const { forum, author, thread } = await pollsForum();
    const page = await (await author.client.get(threadUrl(thread))).text();
    expect(page).toContain(`/plugins/polls/t/${thread.id}/new?kind=poll`);
    const form = await author.client.get(`/plugins/polls/t/${thread.id}/new?kind=poll`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="polls_options"');

    const pollId = await addPoll(author.client, thread.id, { polls_max: '2', polls_min: '1' });
    const options = await optionIds(forum, pollId);
    expect(options.map((o) => o.label)).toEqual(['Hiking', 'Cinema', 'Board games']);
    const html = await (await forum.client().get(threadUrl(thread))).text();
    expect(html).toContain(`id="polls-poll-${pollId}"`);
    expect(html).toContain('Where shall we go?');
    expect(html).toContain('Board games');
  });

  it('validates on the server and shows the errors inline (422)', async () => {
    const { forum, author, thread } = await pollsForum();
    const res = await author.client.post(`/plugins/polls/t/${thread.id}/new`, { polls_kind: 'poll', polls_title: '', polls_options: 'Only one' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Give it a title (or question).');
    expect(html).toContain('Only one');
    const tooMany = await author.client.post(`/plugins/polls/t/${thread.id}/new`, { polls_kind: 'poll', polls_title: 'Q', polls_options: 'A\nB', polls_max: '3' });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain('The most choices cannot be more than the number of options.');
    const past = await author.client.post(`/plugins/polls/t/${thread.id}/new`, { polls_kind: 'poll', polls_title: 'Q', polls_options: 'A\nB', polls_closes_at: '2001-01-01T10:00' });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('The closing time must be in the future.');
    expect(await count(forum, sql`select count(*)::int as n from polls_polls`)).toBe(0);
  });

  it('respects whoCanCreate: only the starter by default, any member when set to anyone', async () => {
    const { forum, category, thread } = await pollsForum();
    const other = await forum.member();
    expect((await other.client.get(`/plugins/polls/t/${thread.id}/new`)).status).toBe(403);
    expect((await other.client.post(`/plugins/polls/t/${thread.id}/new`, { polls_kind: 'poll', polls_title: 'Q', polls_options: 'A\nB' })).status).toBe(403);
    const page = await (await other.client.get(threadUrl(thread))).text();
    expect(page).not.toContain('/new?kind=poll');
    await forum.deps.pluginHost.state.setCategory('polls', category.id, true, { whoCanCreate: 'anyone' });
    expect(await addPoll(other.client, thread.id)).toBeGreaterThan(0);
    const { client: staff } = await forum.member({ role: 'moderator' });
    await forum.deps.pluginHost.state.setCategory('polls', category.id, true, { whoCanCreate: 'starter' });
    expect(await addPoll(staff, thread.id)).toBeGreaterThan(0);
  });

  it('stores the close time given in the member’s time zone as UTC', async () => {
    const { forum, author, thread } = await pollsForum();
    await forum.deps.database.rows(sql`update users set time_zone = 'Asia/Shanghai' where id = ${author.user.id}`);
    const pollId = await addPoll(author.client, thread.id, { polls_closes_at: '2099-06-01T20:30' });
    const [row] = await forum.deps.database.rows<{ closes: string }>(sql`select to_char(closes_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as closes from polls_polls where id = ${pollId}`);
    expect(row!.closes).toBe('2099-06-01 12:30');
  });

  it('attaches a poll from the new-thread composer: the filter validates ctx.form, the action stores it', async () => {
    const { forum, author, category, thread } = await pollsForum();
    const hooks = forum.deps.plugins.hooks;
    const draft = { title: 'New thread', raw: 'Body', categoryId: category.id, tags: [], source: null };
    const ctx = { user: author.user, categoryId: category.id };

    const bad = await hooks.filter('thread.beforeCreate', draft, { ...ctx, form: { polls_title: 'Lunch?', polls_options: 'Noodles' } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(HookRejection);
    expect((bad as HookRejection).messageKey).toBe('polls.error.tooFewOptions');
    await expect(hooks.filter('thread.beforeCreate', draft, { ...ctx, form: { title: 'no poll here' } })).resolves.toMatchObject(draft);

    const form = { polls_title: 'Lunch?', polls_options: 'Noodles\nDumplings\nRice', polls_max: '1', polls_tz: 'Asia/Shanghai', polls_closes_at: '2099-01-01T08:00' };
    await expect(hooks.filter('thread.beforeCreate', draft, { ...ctx, form })).resolves.toMatchObject(draft);
    const [post] = await forum.deps.database.rows<Record<string, unknown>>(sql`select * from posts where thread_id = ${thread.id}`);
    await hooks.action('thread.created', { thread, post: post as never, category }, { ...ctx, form });
    const [poll] = await forum.deps.database.rows<{ id: number; title: string; closes: string }>(
      sql`select id, title, to_char(closes_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as closes from polls_polls where thread_id = ${thread.id}`,
    );
    expect(poll).toMatchObject({ title: 'Lunch?', closes: '2099-01-01 00:00' });
    expect((await optionIds(forum, poll!.id)).map((o) => o.label)).toEqual(['Noodles', 'Dumplings', 'Rice']);
    const composer = await (await author.client.get(`/new?category=${category.id}`)).text();
    expect(composer).toContain('name="polls_options"');
  });
});
