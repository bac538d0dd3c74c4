import { and, asc, eq, inArray } from 'drizzle-orm';
import { posts, threads, type Db } from '../../../core/plugins/api.ts';
import { listingKinds, listingStatuses, marketplaceListings, type Listing } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';
import { threadUrl } from './load.ts';

/**
 * Listings in the forum search (api.search): title, description and location, with price, status and type as
 * facets. Sold and expired listings stay searchable; the status facet tells them apart.
 */
export function registerListingSearch(api: MarketplaceApi): void {
  api.search.type({
    name: 'listing',
    labelKey: 'marketplace.search.type',
    facets: [
      { key: 'marketplace_price', kind: 'number', labelKey: 'marketplace.search.price' },
      { key: 'marketplace_status', kind: 'keyword', labelKey: 'marketplace.search.status', values: listingStatuses.map((s) => ({ value: s, labelKey: `marketplace.status.${s}` })) },
      { key: 'marketplace_kind', kind: 'keyword', labelKey: 'marketplace.search.kind', values: listingKinds.map((k) => ({ value: k, labelKey: `marketplace.kind.${k}` })) },
    ],
  });
}

/** Pushes the current state of some listings (after creation, a status change, renewal or expiry), in one go. */
export async function reindexListings(api: MarketplaceApi, listingIds: readonly number[], options: { tx?: Db } = {}): Promise<void> {
  if (listingIds.length === 0) return;
  const db = options.tx ?? api.db;
  const rows = await db
    .select({ listing: marketplaceListings, title: threads.title, slug: threads.slug })
    .from(marketplaceListings)
    .innerJoin(threads, eq(threads.id, marketplaceListings.threadId))
    .where(inArray(marketplaceListings.id, [...listingIds]));
  const firstPosts = await db
    .selectDistinctOn([posts.threadId], { threadId: posts.threadId, raw: posts.raw })
    .from(posts)
    .where(and(inArray(posts.threadId, rows.map((r) => r.listing.threadId))))
    .orderBy(posts.threadId, asc(posts.id));
  const bodies = new Map(firstPosts.map((p) => [p.threadId, p.raw]));
  await api.search.index(
    rows.map(({ listing, title, slug }) => documentOf(listing, title, threadUrl({ id: listing.threadId, slug }), bodies.get(listing.threadId) ?? '')),
    { tx: options.tx },
  );
}

function documentOf(listing: Listing, title: string, url: string, body: string) {
  return {
    type: 'listing',
    id: listing.id,
    title,
    body: [body, listing.location].filter(Boolean).join('\n'),
    url,
    createdAt: listing.createdAt,
    threadId: listing.threadId,
    authorId: listing.sellerId,
    facets: {
      marketplace_price: listing.kind === 'free' ? 0 : listing.priceMinor,
      marketplace_status: listing.status,
      marketplace_kind: listing.kind,
    },
  };
}

/** After a change has committed: a search failure is logged, never turned into a failed request. */
export async function reindexQuietly(api: MarketplaceApi, listingIds: readonly number[]): Promise<void> {
  try {
    await reindexListings(api, listingIds);
  } catch (error) {
    api.logger.warn({ err: error, listingIds }, 'marketplace: search indexing failed');
  }
}
