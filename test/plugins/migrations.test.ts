import { sql } from 'drizzle-orm';
import greeter from './fixtures/greeter/plugin.tsx';
import { createTestForum } from '../helpers/app.ts';

describe('plugin migrations', () => {
  it('create the plugin tables, tracked in the plugin’s own migration history', async () => {
    const forum = await createTestForum({ plugins: [greeter] });
    const tables = await forum.deps.database.rows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_name = 'greeter_visits'`,
    );
    expect(tables).toHaveLength(1);
    const history = await forum.deps.database.rows<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__plugin_greeter_migrations`,
    );
    expect(history[0]!.n).toBe(1);
  });

  it('are applied once, however often the forum starts', async () => {
    await createTestForum({ plugins: [greeter] });
    const forum = await createTestForum({ plugins: [greeter] });
    const history = await forum.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__plugin_greeter_migrations`);
    expect(history[0]!.n).toBe(1);
    expect(forum.deps.pluginHost.get('greeter')?.status).toBe('active');
  });
});
