import { eq } from 'drizzle-orm';
import { UserError, ValidationError, type IncomingFile, type User } from '../../../core/plugins/api.ts';
import { marketplaceListings, type Listing } from '../schema.ts';
import { MAX_PHOTOS, type MarketplaceApi } from '../settings.ts';
import { canManage } from './status.ts';

/** Adds photos (through core uploads) up to the limit of eight per listing. */
export async function addPhotos(api: MarketplaceApi, input: { listing: Listing; actor: User; files: IncomingFile[] }): Promise<Listing> {
  const { listing, actor, files } = input;
  if (!canManage(actor, listing)) throw new UserError(403, 'marketplace.error.notSeller');
  if (files.length === 0) throw new UserError(400, 'uploads.error.empty');
  if (listing.photoIds.length + files.length > MAX_PHOTOS) throw new ValidationError({ photos: 'marketplace.error.tooManyPhotos' });
  const ids: number[] = [];
  // counted against the daily upload quota of whoever uploads them
  for (const file of files) ids.push((await api.uploads.accept({ owner: actor, file, purpose: 'photo' })).id);
  const [row] = await api.db
    .update(marketplaceListings)
    .set({ photoIds: [...listing.photoIds, ...ids].slice(0, MAX_PHOTOS), updatedAt: new Date() })
    .where(eq(marketplaceListings.id, listing.id))
    .returning();
  return row!;
}

export async function removePhoto(api: MarketplaceApi, input: { listing: Listing; actor: User; uploadId: number }): Promise<Listing> {
  const { listing, actor, uploadId } = input;
  if (!canManage(actor, listing)) throw new UserError(403, 'marketplace.error.notSeller');
  const [row] = await api.db
    .update(marketplaceListings)
    .set({ photoIds: listing.photoIds.filter((id) => id !== uploadId), updatedAt: new Date() })
    .where(eq(marketplaceListings.id, listing.id))
    .returning();
  return row!;
}
