import { sql } from 'drizzle-orm';
import { pollsForum } from './helpers.ts';

describe('a poll attached in the new-thread composer, through the real route', () => {
  it('is created with the thread', async () => {
    const { forum, author, category } = await pollsForum();
    const res = await author.client.post('/new', {
      categoryId: String(category.id),
      title: 'Where do we eat on Friday',
      raw: 'Vote below!',
      polls_title: 'Lunch?',
      polls_options: 'Noodles\nDumplings',
      polls_max: '1',
      polls_tz: 'UTC',
    });
    expect(res.status).toBe(303);
    const [poll] = await forum.deps.database.rows<{ title: string; thread: string }>(
      sql`select p.title, t.title as thread from polls_polls p join threads t on t.id = p.thread_id`,
    );
    expect(poll).toEqual({ title: 'Lunch?', thread: 'Where do we eat on Friday' });
  });

  it('a bad poll refuses the thread with the plugin’s message and keeps what was typed', async () => {
    const { forum, author, category } = await pollsForum();
    const res = await author.client.post('/new', {
      categoryId: String(category.id),
      title: 'A thread with a broken poll',
      raw: 'Body',
      polls_title: 'Lunch?',
      polls_options: 'Only one',
      polls_tz: 'UTC',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('A thread with a broken poll');
    const [row] = await forum.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from threads where title = 'A thread with a broken poll'`);
    expect(row!.n).toBe(0);
  });
});
