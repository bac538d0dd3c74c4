import { desc, eq, sql } from 'drizzle-orm';
import { definePlugin, listedThread, posts, threads, type PluginApi } from '../../core/plugins/api.ts';
import { createThread } from '../../core/forum/service/create-thread.ts';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory } from './helpers.ts';

/** A plugin that shows a thread's posts newest first, marks listed threads, and locks threads on request. */
let captured: PluginApi<Record<string, never>> | undefined;
const reverse = definePlugin({
  id: 'reverse',
  version: '1.0.0',
  coreApi: '^1.0.0',
  scope: 'category',
  setup(api) {
    captured = api as unknown as PluginApi<Record<string, never>>;
    api.filter('thread.postOrder', async (value) => {
      const rows = await api.db
        .select({ id: posts.id })
        .from(posts)
        .where(eq(posts.threadId, value.thread.id))
        .orderBy(desc(sql`${posts.number} = 1`), desc(posts.number));
      return { ...value, postIds: rows.map((r) => r.id) };
    });
    const batches: (readonly number[])[] = [];
    api.slot('thread.listItem', 'reverse.mark', ({ thread, listThreadIds }) => {
      if (!batches.includes(listThreadIds)) batches.push(listThreadIds);
      return <span class="reverse-mark" data-batch={String(batches.indexOf(listThreadIds))} data-ids={listThreadIds.join(',')}>{`#${thread.id}`}</span>;
    });
  },
});

const order = (html: string) => [...html.matchAll(/data-post-number="(\d+)"/g)].map((m) => Number(m[1]));

describe('plugin API: thread post order, thread list item slot, thread locking', () => {
  it('a plugin orders a thread’s posts where it is on; elsewhere core keeps number order', async () => {
    const forum = await createTestForum({ plugins: [reverse] });
    const on = await insertCategory(forum.deps.db, 'On');
    const off = await insertCategory(forum.deps.db, 'Off');
    await forum.deps.pluginHost.state.setCategory('reverse', on.id, true);
    const { user } = await forum.member();
    const ctx = { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false };
    const make = async (categoryId: number) => {
      const { thread } = await createThread(ctx, { categoryId, title: `Thread in ${categoryId}`, raw: 'first' });
      // 22 replies in one statement (the services are not what this test is about, and they are slow in bulk)
      await forum.deps.database.rows(sql`
        insert into posts (thread_id, author_id, number, raw, html)
        select ${thread.id}, ${user.id}, n, 'reply ' || n, '<p>reply ' || n || '</p>' from generate_series(2, 23) as n`);
      await forum.deps.database.rows(sql`update threads set last_post_number = 23, reply_count = 22 where id = ${thread.id}`);
      return thread;
    };
    const ordered = await make(on.id);
    const plain = await make(off.id);
    const client = forum.client();
    const page1 = order(await (await client.get(`/t/${ordered.id}/${ordered.slug}`)).text());
    const page2 = order(await (await client.get(`/t/${ordered.id}/${ordered.slug}?page=2`)).text());
    expect(page1).toEqual([1, ...Array.from({ length: 19 }, (_, i) => 23 - i)]);
    expect(page2).toEqual([4, 3, 2]);
    expect(order(await (await client.get(`/t/${plain.id}/${plain.slug}`)).text())).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('thread.listItem renders beside each title with the ids of the whole list, only where the plugin is on', async () => {
    const forum = await createTestForum({ plugins: [reverse] });
    const on = await insertCategory(forum.deps.db, 'On');
    const off = await insertCategory(forum.deps.db, 'Off');
    await forum.deps.pluginHost.state.setCategory('reverse', on.id, true);
    const { user } = await forum.member();
    const ctx = { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false };
    const a = (await createThread(ctx, { categoryId: on.id, title: 'Alpha thread', raw: 'x' })).thread;
    const b = (await createThread(ctx, { categoryId: on.id, title: 'Beta thread', raw: 'x' })).thread;
    const c = (await createThread(ctx, { categoryId: off.id, title: 'Gamma thread', raw: 'x' })).thread;
    const html = await (await forum.client().get('/latest')).text();
    const marks = [...html.matchAll(/class="reverse-mark" data-batch="(\d+)" data-ids="([\d,]+)">#(\d+)</g)];
    expect(marks.map((m) => Number(m[3])).sort()).toEqual([a.id, b.id].sort());
    expect(new Set(marks.map((m) => m[1])).size).toBe(1); // one list, one batch
    expect(marks[0]![2]!.split(',').map(Number).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('api.threads.setLocked locks and unlocks; listedThread() is the listing predicate', async () => {
    const forum = await createTestForum({ plugins: [reverse] });
    const cat = await insertCategory(forum.deps.db, 'Any');
    const { user } = await forum.member();
    const { thread } = await createThread({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false }, { categoryId: cat.id, title: 'Lock me', raw: 'x' });
    await captured!.threads.setLocked(thread.id, true);
    const [row] = await forum.deps.db.select({ locked: threads.locked }).from(threads).where(listedThread());
    expect(row).toEqual({ locked: true });
    await captured!.threads.setLocked(thread.id, false);
    await forum.deps.database.rows(sql`update threads set unlisted = true`);
    expect(await forum.deps.db.select().from(threads).where(listedThread())).toEqual([]);
  });
});
