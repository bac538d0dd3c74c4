import { eq } from 'drizzle-orm';
import { threads } from '../../core/forum/schema.ts';
import { toggleLike } from '../../core/forum/service/likes.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread, writeAs } from './helpers.ts';

const threadIds = (html: string) => [...html.matchAll(/<li class="thread-row" id="thread-(\d+)"/g)].map((m) => Number(m[1]));

async function setup() {
  const forum = await createTestForum();
  const { user, client } = await forum.member();
  const { user: mod, client: modClient } = await forum.member({ role: 'moderator' });
  const tech = await category(forum, { name: 'Tech' });
  const life = await category(forum, { name: 'Life' });
  const day = 86_400_000;
  const make = async (title: string, categoryId: number, daysAgo: number, tags = '') =>
    (await thread(forum, user, { categoryId, title, tags }, new Date(Date.now() - daysAgo * day))).thread;
  const old = await make('Old but gold', tech.id, 20, 'gold');
  const recent = await make('Recent chatter', life.id, 0.1, 'chat');
  const middle = await make('Middle news', tech.id, 3, 'gold');
  return { forum, user, client, mod, modClient, tech, life, old, recent, middle };
}

describe('listings', () => {
  it('orders by latest activity; global pins lead home and /latest, category pins lead their category', async () => {
    const { forum, client, modClient, tech, old, recent, middle } = await setup();
    expect(threadIds(await (await client.get('/latest')).text())).toEqual([recent.id, middle.id, old.id]);

    expect((await modClient.post(`/t/${old.id}/pin`, { pinned: 'global' })).status).toBe(303);
    expect((await modClient.htmx('POST', `/t/${middle.id}/pin`, { pinned: 'category' })).status).toBe(200);
    for (const path of ['/', '/latest']) {
      const html = await (await client.get(path)).text();
      expect(threadIds(html), path).toEqual([old.id, recent.id, middle.id]);
      expect(html).toContain('Pinned site-wide');
    }
    expect(threadIds(await (await client.get(`/c/${tech.slug}`)).text())).toEqual([old.id, middle.id]);
    // /newest is strictly by creation time
    expect(threadIds(await (await client.get('/newest')).text())).toEqual([recent.id, middle.id, old.id]);
    expect(await forum.deps.db.select({ pinned: threads.pinned }).from(threads).where(eq(threads.id, middle.id))).toEqual([{ pinned: 'category' }]);
  });

  it('lists featured threads, set and unset by staff', async () => {
    const { client, modClient, old, middle } = await setup();
    expect(await (await client.get('/featured')).text()).toContain('Nothing has been featured yet.');
    expect((await client.post(`/t/${old.id}/feature`, { featured: '1' })).status).toBe(403);
    const res = await modClient.htmx('POST', `/t/${old.id}/feature`, { featured: '1' });
    expect(res.status).toBe(200);
    const header = await res.text();
    expect(header).toMatch(/^<header class="thread-header" id="thread-header">/);
    expect(header).toContain('class="badge featured"');
    await modClient.post(`/t/${middle.id}/feature`, { featured: '1' });
    expect(threadIds(await (await client.get('/featured')).text())).toEqual([middle.id, old.id]);
    await modClient.post(`/t/${middle.id}/feature`, { featured: '0' });
    expect(threadIds(await (await client.get('/featured')).text())).toEqual([old.id]);
  });

  it('ranks /top by likes and replies within the period', async () => {
    const { forum, user, client, mod, old, recent, middle } = await setup();
    const { user: fan } = await forum.member();
    await reply(forum, fan, middle.id, 'reply one');
    await reply(forum, fan, middle.id, 'reply two');
    const [oldFirst] = await forum.deps.db.select().from(threads).where(eq(threads.id, old.id));
    for (const liker of [mod, fan]) {
      const posts = await forum.deps.db.query.posts.findFirst({ where: (p, { eq: e }) => e(p.threadId, oldFirst!.id) });
      await toggleLike(writeAs(forum, liker), posts!.id);
    }
    await reply(forum, user, old.id, 'bump');
    expect(threadIds(await (await client.get('/top?period=all')).text())).toEqual([old.id, middle.id, recent.id]);
    expect(threadIds(await (await client.get('/top?period=week')).text())).toEqual([middle.id, recent.id]);
    expect(threadIds(await (await client.get('/top?period=day')).text())).toEqual([recent.id]);
    expect(threadIds(await (await client.get('/top?period=bogus')).text())).toEqual([middle.id, recent.id]);
  });

  it('lists a tag’s threads and 404s for unknown tags', async () => {
    const { client, old, middle } = await setup();
    const html = await (await client.get('/tag/gold')).text();
    expect(threadIds(html)).toEqual([middle.id, old.id]);
    expect(html).toContain('Tagged “gold”');
    expect((await client.get('/tag/nothing-here')).status).toBe(404);
  });

  it('renders a page with the same number of queries whatever its length (no N+1)', async () => {
    const { forum, client, tech } = await setup();
    const select = vi.spyOn(forum.deps.db, 'select');
    // the fewest of a few runs: short-lived caches (settings, categories) may refill during one of them
    const queriesFor = async (path: string) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        select.mockClear();
        expect((await client.get(path)).status).toBe(200);
        counts.push(select.mock.calls.length);
      }
      return Math.min(...counts);
    };
    const few = await queriesFor('/latest');
    for (let i = 0; i < 12; i++) {
      const { user } = await forum.member();
      await thread(forum, user, { categoryId: tech.id, title: `Another thread ${i}`, tags: `t${i} shared` });
    }
    expect(await queriesFor('/latest')).toBe(few);
    select.mockRestore();
  });

  it('shows rows with category chip, tags, counts and badges', async () => {
    const { client, modClient, old, tech } = await setup();
    await modClient.post(`/t/${old.id}/lock`, { locked: '1' });
    const html = await (await client.get('/latest')).text();
    const row = html.slice(html.indexOf(`id="thread-${old.id}"`));
    expect(row).toContain(`class="category-chip cat-${tech.id}"`);
    expect(row).toContain('href="/tag/gold"');
    expect(row).toContain('0 replies');
    expect(row).toContain('class="badge locked"');
    expect(row).toMatch(/<time datetime="[^"]+" title="[^"]+">/);
  });
});
