import { sql } from 'drizzle-orm';
import { acceptPath, answer, ask, qaForum, votePath } from './helpers.ts';

const titles = (html: string) => [...html.matchAll(/<h2 class="thread-title">\s*<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);

describe('question listings', () => {
  it('filters unanswered / unsolved / solved and sorts by activity or votes', async () => {
    const { forum, asker, thread: solved, category } = await qaForum();
    const other = await forum.member();
    const answered = await ask(forum, asker.user, category.id, 'Answered but open');
    const lonely = await ask(forum, asker.user, category.id, 'Nobody answered');
    const accepted = await answer(forum, other.user, solved.id);
    await answer(forum, other.user, answered.id);
    await asker.client.post(acceptPath(solved.id, accepted.id), {});
    // the question "Nobody answered" gets two votes, "Answered but open" one
    const [q1] = await forum.deps.database.rows<{ id: number }>(sql`select id from posts where thread_id = ${lonely.id} and number = 1`);
    const [q2] = await forum.deps.database.rows<{ id: number }>(sql`select id from posts where thread_id = ${answered.id} and number = 1`);
    const third = await forum.member();
    await other.client.post(votePath(lonely.id, q1!.id), { value: '1' });
    await third.client.post(votePath(lonely.id, q1!.id), { value: '1' });
    await other.client.post(votePath(answered.id, q2!.id), { value: '1' });

    const base = `/plugins/qa/c/${category.id}/questions`;
    const get = async (query: string) => {
      const res = await forum.client().get(`${base}${query}`);
      expect(res.status).toBe(200);
      return titles(await res.text());
    };
    // latest activity first: the last reply went to "Answered but open"
    expect(await get('')).toEqual(['Answered but open', 'How do I reset my router?', 'Nobody answered']);
    expect(await get('?show=unanswered')).toEqual(['Nobody answered']);
    expect((await get('?show=unsolved')).sort()).toEqual(['Answered but open', 'Nobody answered']);
    expect(await get('?show=solved')).toEqual(['How do I reset my router?']);
    expect(await get('?sort=votes')).toEqual(['Nobody answered', 'Answered but open', 'How do I reset my router?']);
    expect(await get('?show=unsolved&sort=votes')).toEqual(['Nobody answered', 'Answered but open']);
    expect(await get('?show=bogus&sort=bogus')).toHaveLength(3);
  });

  it('pages by keyset for both sorts, and leaves out deleted, held and unlisted questions', async () => {
    const { forum, asker, thread, category } = await qaForum();
    for (let i = 0; i < 33; i++) await ask(forum, asker.user, category.id, `Question ${String(i).padStart(2, '0')}`);
    await forum.deps.database.rows(sql`update threads set deleted_at = now() where title = 'Question 05'`);
    await forum.deps.database.rows(sql`update threads set unlisted = true where title = 'Question 06'`);
    await forum.deps.database.rows(sql`update threads set held_at = now() where title = 'Question 07'`);
    for (const sort of ['activity', 'votes']) {
      const seen: string[] = [];
      let next: string | null = `/plugins/qa/c/${category.id}/questions?sort=${sort}`;
      let pages = 0;
      while (next) {
        const html = await (await asker.client.get(next)).text();
        seen.push(...titles(html));
        next = /<a class="button" href="([^"]+)"[^>]*rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
        pages++;
      }
      expect(pages).toBe(2);
      expect(seen).toHaveLength(31);
      expect(new Set(seen).size).toBe(31);
      expect(seen).not.toContain('Question 05');
      expect(seen).not.toContain('Question 06');
      expect(seen).not.toContain('Question 07');
      expect(seen).toContain(thread.title);
    }
  });

  it('core listings mark solved threads, with one query for the whole list', async () => {
    const { forum, asker, thread, category } = await qaForum();
    const other = await forum.member();
    await ask(forum, asker.user, category.id, 'Still open');
    const reply = await answer(forum, other.user, thread.id);
    await asker.client.post(acceptPath(thread.id, reply.id), {});
    for (const path of ['/latest', `/c/${category.slug}`]) {
      const html = await (await forum.client().get(path)).text();
      const row = (title: string) => html.slice(html.indexOf(title), html.indexOf('</h2>', html.indexOf(title)));
      expect(row(thread.title)).toContain('qa-solved');
      expect(row('Still open')).not.toContain('qa-solved');
    }
    const category$ = await (await forum.client().get(`/c/${category.slug}`)).text();
    expect(category$).toContain(`/plugins/qa/c/${category.id}/questions?show=unanswered`);
  });
});
