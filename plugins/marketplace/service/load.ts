import { eq } from 'drizzle-orm';
import { UserError } from '../../../core/plugins/api.ts';
import { marketplaceListings, type Listing } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';

export async function listingByThread(api: MarketplaceApi, threadId: number): Promise<Listing | undefined> {
  const [row] = await api.db.select().from(marketplaceListings).where(eq(marketplaceListings.threadId, threadId)).limit(1);
  return row;
}

export async function requireListing(api: MarketplaceApi, threadId: number): Promise<Listing> {
  const listing = await listingByThread(api, threadId);
  if (!listing) throw new UserError(404, 'marketplace.error.notListing');
  return listing;
}

export function threadUrl(thread: { id: number; slug: string }): string {
  return thread.slug ? `/t/${thread.id}/${encodeURIComponent(thread.slug)}` : `/t/${thread.id}`;
}
