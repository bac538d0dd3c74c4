import { searchDocuments, searchOutbox } from '../../core/search/schema.ts';
import { formatStatus } from '../../core/cli/commands/search.ts';
import { createTestForum } from '../helpers/app.ts';
import { category, reply, thread } from '../forum/helpers.ts';
import { allowQuickPosting, drain, hitTitles, searchService } from './helpers.ts';

describe('search reindex and status', () => {
  it('rebuilds the index from the database, reporting progress and counts', async () => {
    const forum = await createTestForum();
    await allowQuickPosting(forum);
    const { user } = await forum.member({ username: 'writer' });
    const cat = await category(forum, { name: 'Tech', slug: 'tech' });
    const { thread: t } = await thread(forum, user, { categoryId: cat.id, title: 'Indexing 中文 text', raw: 'Segmenting 出售二手自行车 properly.' });
    await reply(forum, user, t.id, 'A reply about running indexes.');
    const service = searchService(forum);

    let status = await service.status();
    expect(status.outbox).toBeGreaterThan(0);
    expect(formatStatus(status)).toContain('Engine:     builtin');

    // the index is lost (and the queue with it): a rebuild brings everything back
    await forum.deps.db.delete(searchOutbox);
    await forum.deps.db.delete(searchDocuments);
    expect(hitTitles(await (await forum.client().get('/search?q=二手')).text())).toEqual([]);
    const seen: number[] = [];
    const result = await service.reindex((p) => seen.push(p.done));
    expect(result.total).toBe(1 + 2 + 1); // thread, two posts, one member
    expect(result.done).toBe(result.total);
    expect(seen.at(-1)).toBe(result.total);
    expect(hitTitles(await (await forum.client().get('/search?q=二手')).text())).toEqual(['Indexing 中文 text']);
    await drain(forum);
    status = await service.status();
    expect(status.documents).toEqual({ thread: 1, post: 1, member: 1 });
    expect(status.outbox).toBe(0);
    expect(status.lagSeconds).toBe(0);
    expect(formatStatus(status)).toContain('thread 1');
  });
});
