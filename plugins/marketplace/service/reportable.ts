import { and, eq, inArray, isNull } from 'drizzle-orm';
import { isStaff, publicThread, threads, type User } from '../../../core/plugins/api.ts';
import { marketplaceListings, marketplaceStatusChanges } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';
import { threadUrl } from './load.ts';
import { reindexQuietly } from './search.ts';

export const REPORT_TYPE = 'listing';

/**
 * Listings are a reportable kind of core's moderation queue (`marketplace.listing`): members report them with
 * core's form (api.moderation.reportUrl), enough trusted reports hide a listing pending review, and staff approve
 * (shown again) or remove it (closed and kept hidden) from /review.
 */
export function registerListingReports(api: MarketplaceApi): void {
  api.moderation.reportable(REPORT_TYPE, {
    async describe(ids) {
      const rows = ids.length
        ? await api.db
            .select({ id: marketplaceListings.id, sellerId: marketplaceListings.sellerId, location: marketplaceListings.location, heldAt: marketplaceListings.heldAt, threadId: threads.id, title: threads.title, slug: threads.slug })
            .from(marketplaceListings)
            .innerJoin(threads, eq(threads.id, marketplaceListings.threadId))
            .where(and(inArray(marketplaceListings.id, ids), isNull(threads.deletedAt)))
        : [];
      return new Map(rows.map((r) => [r.id, { title: r.title, url: threadUrl({ id: r.threadId, slug: r.slug }), authorId: r.sellerId, excerpt: r.location, hidden: r.heldAt !== null }]));
    },
    async visibleTo(viewer: User, id: number) {
      const [row] = await api.db
        .select({ sellerId: marketplaceListings.sellerId, heldAt: marketplaceListings.heldAt })
        .from(marketplaceListings)
        .innerJoin(threads, eq(threads.id, marketplaceListings.threadId))
        .where(and(eq(marketplaceListings.id, id), publicThread()));
      return !!row && (row.heldAt === null || row.sellerId === viewer.id || isStaff(viewer));
    },
    async hide(id) {
      await api.db.update(marketplaceListings).set({ heldAt: new Date() }).where(and(eq(marketplaceListings.id, id), isNull(marketplaceListings.heldAt)));
      await removeFromSearch(api, id);
    },
    async approve(id) {
      await api.db.update(marketplaceListings).set({ heldAt: null }).where(eq(marketplaceListings.id, id));
      await reindexQuietly(api, [id]);
    },
    async remove(id, by) {
      const now = new Date();
      await api.db.transaction(async (tx) => {
        const [before] = await tx.select({ status: marketplaceListings.status }).from(marketplaceListings).where(eq(marketplaceListings.id, id)).for('update');
        if (!before) return;
        await tx.update(marketplaceListings).set({ status: 'closed', heldAt: now, updatedAt: now }).where(eq(marketplaceListings.id, id));
        if (before.status !== 'closed') await tx.insert(marketplaceStatusChanges).values({ listingId: id, fromStatus: before.status, toStatus: 'closed', byId: by.id, at: now });
      });
      await removeFromSearch(api, id);
    },
  });
}

async function removeFromSearch(api: MarketplaceApi, id: number): Promise<void> {
  try {
    await api.search.remove('listing', [id]);
  } catch (error) {
    api.logger.warn({ err: error, listingId: id }, 'marketplace: search removal failed');
  }
}
