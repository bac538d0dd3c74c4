import { and, eq, inArray } from 'drizzle-orm';
import { isStaff, UserError, type User } from '../../../core/plugins/api.ts';
import { activeStatuses, marketplaceListings, marketplaceStatusChanges, type Listing, type ListingStatus } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';
import { assertBelowActiveLimit } from './limits.ts';
import { reindexQuietly } from './search.ts';

/** Which status may follow which. Sold applies to sales; other kinds (and withdrawn sales) are closed. */
export function allowedTargets(listing: Pick<Listing, 'status' | 'kind'>): ListingStatus[] {
  switch (listing.status) {
    case 'available':
      return listing.kind === 'sell' ? ['reserved', 'sold', 'closed'] : ['reserved', 'closed'];
    case 'reserved':
      return listing.kind === 'sell' ? ['available', 'sold', 'closed'] : ['available', 'closed'];
    case 'sold':
    case 'closed':
      return ['available'];
    case 'expired':
      return [];
  }
}

export function canManage(user: Pick<User, 'id' | 'role'> | null, listing: Pick<Listing, 'sellerId'>): boolean {
  return !!user && (user.id === listing.sellerId || isStaff(user));
}

/**
 * Moves a listing to another status, only from the status it has: the UPDATE's WHERE names the current status,
 * so of many simultaneous "reserve" clicks exactly one changes the row and the rest see 409.
 */
export async function changeStatus(api: MarketplaceApi, input: { listing: Listing; actor: User; to: ListingStatus }): Promise<Listing> {
  const { listing, actor, to } = input;
  if (!canManage(actor, listing)) throw new UserError(403, 'marketplace.error.notSeller');
  const from = listing.status;
  if (!allowedTargets(listing).includes(to)) throw transitionError(from, to);
  if (!activeStatuses.includes(from) && activeStatuses.includes(to)) await assertBelowActiveLimit(api, { id: listing.sellerId, role: actor.id === listing.sellerId ? actor.role : 'member' });
  const now = new Date();
  const changed = await api.db.transaction(async (tx) => {
    const [row] = await tx
      .update(marketplaceListings)
      .set({ status: to, updatedAt: now })
      .where(and(eq(marketplaceListings.id, listing.id), eq(marketplaceListings.status, from)))
      .returning();
    if (!row) return undefined;
    await tx.insert(marketplaceStatusChanges).values({ listingId: listing.id, fromStatus: from, toStatus: to, byId: actor.id, at: now });
    return row;
  });
  if (!changed) {
    const [current] = await api.db.select({ status: marketplaceListings.status }).from(marketplaceListings).where(eq(marketplaceListings.id, listing.id));
    if (to === 'reserved' && current?.status === 'reserved') throw new UserError(409, 'marketplace.error.alreadyReserved');
    throw transitionError(current?.status ?? from, to);
  }
  await reindexQuietly(api, [changed.id]);
  return changed;
}

function transitionError(from: ListingStatus, to: ListingStatus): UserError {
  return new UserError(409, 'marketplace.error.transition', { status: from, target: to });
}

const day = 24 * 60 * 60 * 1000;

/** Another expiryDays from now; an expired listing becomes available again (within the active limit). */
export async function renewListing(api: MarketplaceApi, input: { listing: Listing; actor: User; now?: Date }): Promise<Listing> {
  const { listing, actor } = input;
  if (!canManage(actor, listing)) throw new UserError(403, 'marketplace.error.notSeller');
  if (listing.status === 'sold' || listing.status === 'closed') throw transitionError(listing.status, 'available');
  const now = input.now ?? new Date();
  const { expiryDays } = await api.settings(listing.categoryId);
  const expiresAt = new Date(now.getTime() + expiryDays * day);
  if (listing.status === 'expired') {
    await assertBelowActiveLimit(api, { id: listing.sellerId, role: actor.id === listing.sellerId ? actor.role : 'member' });
    return api.db.transaction(async (tx) => {
      const [row] = await tx
        .update(marketplaceListings)
        .set({ status: 'available', expiresAt, remindedAt: null, updatedAt: now })
        .where(and(eq(marketplaceListings.id, listing.id), eq(marketplaceListings.status, 'expired')))
        .returning();
      if (!row) throw transitionError(listing.status, 'available');
      await tx.insert(marketplaceStatusChanges).values({ listingId: listing.id, fromStatus: 'expired', toStatus: 'available', byId: actor.id, at: now });
      return row;
    }).then(async (row) => {
      await reindexQuietly(api, [row.id]);
      return row;
    });
  }
  const [row] = await api.db
    .update(marketplaceListings)
    .set({ expiresAt, remindedAt: null, updatedAt: now })
    .where(and(eq(marketplaceListings.id, listing.id), inArray(marketplaceListings.status, [...activeStatuses])))
    .returning();
  if (!row) throw transitionError(listing.status, 'available');
  return row;
}
