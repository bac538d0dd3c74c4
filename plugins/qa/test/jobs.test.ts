import { sql } from 'drizzle-orm';
import { acceptPath, answer, ask, count, qaForum } from './helpers.ts';

const DAY = 86_400_000;

describe('scheduled work', () => {
  it('reminds the asker once to accept an answer after N days (job run twice, and concurrently)', async () => {
    const { forum, asker, thread, category } = await qaForum({ overrides: { remindAfterDays: 2 } });
    const other = await forum.member();
    const unanswered = await ask(forum, asker.user, category.id, 'Nobody knows');
    const solved = await ask(forum, asker.user, category.id, 'Solved already');
    await answer(forum, other.user, thread.id);
    const accepted = await answer(forum, other.user, solved.id);
    await asker.client.post(acceptPath(solved.id, accepted.id), {});
    const reminders = () => count(forum, sql`select count(*)::int as n from notifications where type = 'qa.remindAccept'`);

    await forum.deps.jobs.send('qa.remind', {});
    await forum.deps.jobs.drain('qa.remind');
    expect(await reminders()).toBe(0); // too early

    await forum.deps.database.rows(sql`update threads set created_at = now() - interval '3 days' where id in (${thread.id}, ${unanswered.id}, ${solved.id})`);
    await Promise.all([forum.deps.jobs.send('qa.remind', {}), forum.deps.jobs.send('qa.remind', {})]);
    await forum.deps.jobs.drain('qa.remind');
    await forum.deps.jobs.send('qa.remind', {});
    await forum.deps.jobs.drain('qa.remind');
    const rows = await forum.deps.database.rows<{ user_id: number; url: string }>(
      sql`select user_id, url from notifications where type = 'qa.remindAccept'`,
    );
    // only the answered, unsolved question is reminded, once
    expect(rows).toEqual([{ user_id: asker.user.id, url: `/t/${thread.id}` }]);
    expect(await count(forum, sql`select count(*)::int as n from qa_questions where reminded_at is not null`)).toBe(1);
  });

  it('reminders are off with 0 days, and questions from long ago are not reminded', async () => {
    const { forum, thread, category } = await qaForum({ overrides: { remindAfterDays: 0 } });
    const other = await forum.member();
    await answer(forum, other.user, thread.id);
    await forum.deps.database.rows(sql`update threads set created_at = now() - interval '5 days'`);
    await forum.deps.jobs.send('qa.remind', {});
    await forum.deps.jobs.drain('qa.remind');
    expect(await count(forum, sql`select count(*)::int as n from notifications where type = 'qa.remindAccept'`)).toBe(0);
    await forum.deps.pluginHost.state.setCategory('qa', category.id, true, { remindAfterDays: 1 });
    await forum.deps.database.rows(sql`update threads set created_at = now() - interval '400 days'`);
    await forum.deps.jobs.send('qa.remind', {});
    await forum.deps.jobs.drain('qa.remind');
    expect(await count(forum, sql`select count(*)::int as n from notifications where type = 'qa.remindAccept'`)).toBe(0);
  });

  it('closes a question N days after its answer was accepted, once (a staff unlock sticks)', async () => {
    const { forum, asker, thread, category } = await qaForum({ overrides: { autoCloseDays: 3 } });
    const other = await forum.member();
    const open = await ask(forum, asker.user, category.id, 'Still open');
    await answer(forum, other.user, open.id);
    const reply = await answer(forum, other.user, thread.id);
    await asker.client.post(acceptPath(thread.id, reply.id), {});
    const locked = async (id: number) => (await forum.deps.database.rows<{ locked: boolean }>(sql`select locked from threads where id = ${id}`))[0]?.locked;

    await forum.deps.jobs.send('qa.autoClose', {});
    await forum.deps.jobs.drain('qa.autoClose');
    expect(await locked(thread.id)).toBe(false);

    await forum.deps.database.rows(sql`update qa_questions set accepted_at = ${new Date(Date.now() - 4 * DAY).toISOString()}::timestamptz where thread_id = ${thread.id}`);
    await forum.deps.jobs.send('qa.autoClose', {});
    await forum.deps.jobs.drain('qa.autoClose');
    expect(await locked(thread.id)).toBe(true);
    expect(await locked(open.id)).toBe(false);

    await forum.deps.database.rows(sql`update threads set locked = false where id = ${thread.id}`);
    await forum.deps.jobs.send('qa.autoClose', {});
    await forum.deps.jobs.drain('qa.autoClose');
    expect(await locked(thread.id)).toBe(false);
    // the asker can no longer change the acceptance of a closed question; replies are refused by core
    await forum.deps.database.rows(sql`update threads set locked = true where id = ${thread.id}`);
    expect((await asker.client.post(`/plugins/qa/t/${thread.id}/unaccept`, {})).status).toBe(403);
  });
});
