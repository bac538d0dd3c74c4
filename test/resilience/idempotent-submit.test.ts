import { sql } from 'drizzle-orm';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';

async function world() {
  const forum = await createTestForum();
  const { user, client } = await forum.member({ username: 'doubleclicker' });
  const c = await category(forum, { name: 'Retries', slug: 'retries' });
  const { thread: t } = await thread(forum, user, { categoryId: c.id, title: 'Submit me once' });
  return { forum, client, thread: t };
}

async function replies(forum: TestForum, threadId: number): Promise<string[]> {
  const rows = await forum.deps.database.rows<{ raw: string }>(sql`select raw from posts where thread_id = ${threadId} and number > 1 order by number`);
  return rows.map((r) => r.raw);
}

const KEY = 'k3y-for-one-submission-0001';

describe('a retried form submission', () => {
  it('creates one post and answers the repeat with the first outcome', async () => {
    const { forum, client, thread: t } = await world();
    const first = await client.post(`/t/${t.id}/reply`, { raw: 'Only once, please', _submission: KEY });
    expect(first.status).toBe(303);
    const again = await client.post(`/t/${t.id}/reply`, { raw: 'Only once, please', _submission: KEY });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await replies(forum, t.id)).toEqual(['Only once, please']);
  });

  it('creates one post when the same submission arrives twice at the same moment', async () => {
    const { forum, client, thread: t } = await world();
    const [a, b] = await Promise.all([
      client.post(`/t/${t.id}/reply`, { raw: 'Double click', _submission: KEY }),
      client.post(`/t/${t.id}/reply`, { raw: 'Double click', _submission: KEY }),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    expect(await replies(forum, t.id)).toEqual(['Double click']);
  });

  it('lets a refused submission be corrected and sent again with the same key', async () => {
    const { forum, client, thread: t } = await world();
    const refused = await client.post(`/t/${t.id}/reply`, { raw: '   ', _submission: KEY });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const fixed = await client.post(`/t/${t.id}/reply`, { raw: 'Now with text', _submission: KEY });
    expect(fixed.status).toBe(303);
    expect(await replies(forum, t.id)).toEqual(['Now with text']);
  });

  it('answers a repeated htmx reply without appending it again', async () => {
    const { forum, client, thread: t } = await world();
    const first = await client.htmx('POST', `/t/${t.id}/reply`, { raw: 'Appended once', _submission: KEY });
    expect(first.status).toBe(200);
    const again = await client.htmx('POST', `/t/${t.id}/reply`, { raw: 'Appended once', _submission: KEY });
    expect(again.status).toBe(204);
    expect(again.headers.get('hx-reswap')).toBe('none');
    expect(await replies(forum, t.id)).toEqual(['Appended once']);
  });

  it('keeps keys apart between members, and every rendered reply form carries a fresh key', async () => {
    const { forum, client, thread: t } = await world();
    const { client: other } = await forum.member({ username: 'sameidea' });
    await client.post(`/t/${t.id}/reply`, { raw: 'Mine', _submission: KEY });
    await other.post(`/t/${t.id}/reply`, { raw: 'Yours', _submission: KEY });
    expect(await replies(forum, t.id)).toEqual(['Mine', 'Yours']);
    const keys = async () => /name="_submission" value="([^"]+)"/.exec(await (await client.get(`/t/${t.id}/reply`)).text())?.[1];
    const k1 = await keys();
    const k2 = await keys();
    expect(k1).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(k1).not.toBe(k2);
  });
});
