import { sharedReadsFor } from '../../core/cache/shared-reads.ts';
import { viewerReadsFor } from '../../core/cache/viewer-reads.ts';
import { createTestForum } from '../helpers/app.ts';

/** Until the bus has delivered what was published (PGlite's bus is in-process; PostgreSQL's goes through NOTIFY). */
async function delivered(check: () => boolean): Promise<void> {
  await expect.poll(check, { timeout: 5000, interval: 10 }).toBe(true);
}

// What a live event empties (core/bootstrap.ts): everything viewers share for a write anyone may see;
// for a member's new notifications, only that member's own reads.
describe('caches and live events', () => {
  it("a member's notification empties their own reads, and nothing anyone else sees", async () => {
    const forum = await createTestForum({ env: { PAGE_CACHE_MS: '60000' } });
    const { deps } = forum;
    const shared = sharedReadsFor<string>(deps, 'live-invalidation', 10);
    const own = viewerReadsFor(deps);
    await shared.get('page', async () => 'shared');
    await own.get(1, 'counts', async () => 'member 1');
    await own.get(2, 'counts', async () => 'member 2');
    const invalidations = deps.pageCache.stats.invalidations;

    await deps.live.publish({ channel: 'user:1', event: 'notifications', data: { unread: 3 } });
    await delivered(() => own.peekNow(1, 'counts') === undefined);
    expect(own.peekNow(2, 'counts')).toEqual({ value: 'member 2' });
    expect(shared.peekNow('page')).toEqual({ value: 'shared' });
    expect(deps.pageCache.stats.invalidations).toBe(invalidations);

    await deps.live.publish({ channel: 'thread:7', event: 'post', data: { threadId: 7, number: 2, postId: 9 } });
    await delivered(() => shared.peekNow('page') === undefined);
    expect(own.peekNow(2, 'counts')).toBeUndefined();
    expect(deps.pageCache.stats.invalidations).toBe(invalidations + 1);
  });
});
