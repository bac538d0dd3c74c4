import { sql } from 'drizzle-orm';
import { findUserByUsername } from '../../core/accounts/service/users.ts';
import { seedBenchmarkForum } from '../../core/bench/seed.ts';
import { createTestForum } from '../helpers/app.ts';

describe('the benchmark data generator', () => {
  it('fills an empty forum whose members can be found by name (bench10 included) and whose pages answer', async () => {
    const forum = await createTestForum({ setup: false });
    const summary = await seedBenchmarkForum(forum.deps.database, { posts: 400, longThreadReplies: 100 });
    const [{ posts } = { posts: 0 }] = await forum.deps.database.rows<{ posts: number }>(sql`select count(*)::int posts from posts`);
    expect(posts).toBe(400);
    expect(summary.seconds).toBeGreaterThanOrEqual(0);
    // names with digits that pass for letters ("1" for "l", "0" for "o") are looked up by their folded key
    for (const name of ['bench1', 'bench10', 'bench20']) expect((await findUserByUsername(forum.deps.db, name))?.username).toBe(name);
    const guest = forum.client();
    expect((await guest.get('/u/bench10')).status).toBe(200);
    expect((await guest.get('/')).status).toBe(200);
  });
});
