import { sql } from 'drizzle-orm';
import { acceptPath, answer, ask, qaForum } from './helpers.ts';

describe('search', () => {
  it('indexes questions with solved and answer-count facets; /search filters solved questions', async () => {
    const { forum, asker, thread, category } = await qaForum();
    const other = await forum.member();
    const open = await ask(forum, asker.user, category.id, 'Router firmware will not install');
    const reply = await answer(forum, other.user, thread.id);
    await answer(forum, other.user, open.id);
    await asker.client.post(acceptPath(thread.id, reply.id), {});
    const docs = await forum.deps.database.rows<{ source_id: string; facets: Record<string, unknown> }>(
      sql`select source_id, facets from search_documents where type = 'qa_question' order by source_id::int`,
    );
    expect(docs).toEqual([
      { source_id: String(thread.id), facets: { qa_solved: true, qa_answers: 1 } },
      { source_id: String(open.id), facets: { qa_solved: false, qa_answers: 1 } },
    ]);
    // hits link to their threads (titles are highlighted, so match the links)
    const found = async (solved: string) => {
      const html = await (await forum.client().get(`/search?q=router&type=qa_question&f.qa_solved=${solved}`)).text();
      return [...html.matchAll(/class="search-hit-title" href="\/t\/(\d+)\//g)].map((m) => Number(m[1]));
    };
    expect(await found('true')).toEqual([thread.id]);
    expect(await found('false')).toEqual([open.id]);
  });
});
