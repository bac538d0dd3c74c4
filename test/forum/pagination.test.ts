import { createTestForum, type TestClient } from '../helpers/app.ts';
import { category, hrefs, reply, thread, writeAs } from './helpers.ts';
import { deletePost } from '../../core/forum/service/delete-post.ts';

const postNumbers = (html: string) => [...html.matchAll(/<article class="post[^"]*" id="post-(\d+)"/g)].map((m) => Number(m[1]));
const threadIds = (html: string) => [...html.matchAll(/<li class="thread-row" id="thread-(\d+)"/g)].map((m) => Number(m[1]));

describe('thread pages', () => {
  it('pages 45 posts by number: 1–20, 21–40, 41–45', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member();
    const cat = await category(forum, { name: 'Tech' });
    const { thread: t } = await thread(forum, user, { categoryId: cat.id, title: 'Long thread' });
    const replies = [];
    for (let i = 2; i <= 45; i++) replies.push(await reply(forum, user, t.id, `Reply number ${i}`));
    const { user: mod } = await forum.member({ role: 'moderator' });
    await deletePost(writeAs(forum, mod), replies[20]!.id); // post #22: a tombstone keeps its place

    const base = `/t/${t.id}/${t.slug}`;
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    const page1 = await (await client.get(base)).text();
    expect(postNumbers(page1)).toEqual(range(1, 20));
    expect(hrefs(page1, '?page=')).toContain(`${base}?page=2`);
    const page2 = await (await client.get(`${base}?page=2`)).text();
    expect(postNumbers(page2)).toEqual(range(21, 40));
    expect(page2).toContain('Post #22 was deleted.');
    expect(page2).toContain(`<link rel="canonical" href="http://forum.test${base}?page=2"/>`);
    expect(postNumbers(await (await client.get(`${base}?page=3`)).text())).toEqual(range(41, 45));
    expect((await client.get(`${base}?page=4`)).status).toBe(404);
    expect((await client.get(`${base}?page=abc`)).status).toBe(404);

    const more = await (await client.htmx('GET', `${base}?page=2`)).text();
    expect(more).not.toContain('<html');
    expect(postNumbers(more)).toEqual(range(21, 40));
    expect(more).toContain('id="posts-more" hx-swap-oob="true"');
    expect(more).toContain(`hx-get="${base}?page=3"`);
    const last = await (await client.htmx('GET', `${base}?page=3`)).text();
    expect(last).toContain('<div class="load-more" id="posts-more" hx-swap-oob="true"></div>');

    const permalink = await client.get(`/p/${replies[23]!.id}`); // post #25
    expect(permalink.status).toBe(302);
    expect(permalink.headers.get('location')).toBe(`${base}?page=2#post-25`);
  });
});

async function walk(client: TestClient, start: string, htmx: boolean): Promise<number[]> {
  const seen: number[] = [];
  let next: string | undefined = start;
  for (let guard = 0; next && guard < 10; guard++) {
    const res: Response = htmx && next !== start ? await client.htmx('GET', next) : await client.get(next);
    const html = await res.text();
    seen.push(...threadIds(html));
    next = hrefs(html, '?before=')[0];
  }
  return seen;
}

describe('listing pages', () => {
  it('returns each thread exactly once across keyset pages, newest activity first', async () => {
    const forum = await createTestForum();
    const { user, client } = await forum.member();
    const cat = await category(forum, { name: 'Busy' });
    const base = Date.now() - 100 * 60_000;
    const ids: number[] = [];
    for (let i = 0; i < 65; i++) {
      // groups of three share a timestamp: the id breaks the tie
      const at = new Date(base + Math.floor(i / 3) * 60_000);
      ids.push((await thread(forum, user, { categoryId: cat.id, title: `Thread number ${i}` }, at)).thread.id);
    }
    const expected = [...ids].reverse();
    expect(await walk(client, '/latest', false)).toEqual(expected);
    expect(await walk(client, '/latest', true)).toEqual(expected);
    expect(await walk(client, '/newest', false)).toEqual(expected);
    expect(await walk(client, `/c/${cat.slug}`, false)).toEqual(expected);

    const first = await (await client.get('/latest')).text();
    expect(threadIds(first)).toHaveLength(30);
    const cursor = hrefs(first, '?before=')[0]!;
    expect(decodeURIComponent(cursor)).toMatch(/^\/latest\?before=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z_\d+$/);
    expect((await client.get('/latest?before=garbage')).status).toBe(200);
  });

  it('shows a helpful empty state', async () => {
    const forum = await createTestForum();
    const html = await (await forum.client().get('/latest')).text();
    expect(html).toContain('No threads yet. Be the first to start a conversation!');
  });
});
