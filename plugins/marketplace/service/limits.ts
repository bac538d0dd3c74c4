import { and, count, eq, inArray } from 'drizzle-orm';
import { isStaff, UserError, type User } from '../../../core/plugins/api.ts';
import { activeStatuses, marketplaceListings } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';

export async function activeListingCount(api: MarketplaceApi, sellerId: number): Promise<number> {
  const [row] = await api.db
    .select({ n: count() })
    .from(marketplaceListings)
    .where(and(eq(marketplaceListings.sellerId, sellerId), inArray(marketplaceListings.status, [...activeStatuses])));
  return row?.n ?? 0;
}

/** Refuses a new (or re-activated) listing when the member already has the most they may have. Staff are exempt. */
export async function assertBelowActiveLimit(api: MarketplaceApi, seller: Pick<User, 'id' | 'role'>): Promise<void> {
  if (isStaff(seller)) return;
  const { maxActiveListings } = await api.settings();
  if ((await activeListingCount(api, seller.id)) >= maxActiveListings) {
    throw new UserError(409, 'marketplace.error.limit', { max: maxActiveListings });
  }
}
