import { sql } from 'drizzle-orm';
import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory, insertThread } from './helpers.ts';

describe('plugin jobs', () => {
  it('are queued durably (pg-boss) under the plugin namespace and processed', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const { user } = await forum.member();
    const cat = await insertCategory(forum.deps.db, 'General');
    const thread = await insertThread(forum.deps.db, cat.id, user.id);
    await forum.deps.jobs.send('greeter.greet', { threadId: thread.id });
    expect(await forum.deps.jobs.drain('greeter.greet')).toBe(1);
    const rows = await forum.deps.database.rows<{ note: string }>(sql`select note from greeter_visits`);
    expect(rows.map((r) => r.note)).toEqual(['job']);
    expect(await forum.deps.jobs.drain('greeter.greet')).toBe(0);
  });
});
