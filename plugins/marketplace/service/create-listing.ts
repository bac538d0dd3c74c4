import { UserError, ValidationError, type IncomingFile, type User } from '../../../core/plugins/api.ts';
import { parseListingForm } from '../input/listing-form.ts';
import { marketplaceListings, type Listing } from '../schema.ts';
import { MAX_PHOTOS, type MarketplaceApi } from '../settings.ts';
import { assertBelowActiveLimit } from './limits.ts';
import { reindexQuietly } from './search.ts';

const day = 24 * 60 * 60 * 1000;

export interface NewListingInput {
  seller: User;
  categoryId: number;
  form: Record<string, string>;
  photos: IncomingFile[];
  now?: Date;
}

/**
 * Publishes a listing: its fields are checked, the member's active-listing limit applied and every photo
 * accepted (type, size, quota) before the thread exists, so a refusal leaves nothing half-made.
 */
export async function createListing(api: MarketplaceApi, input: NewListingInput): Promise<{ listing: Listing; url: string }> {
  const { seller, categoryId } = input;
  const settings = await api.settings(categoryId);
  const fields = parseListingForm(input.form, settings.defaultCurrency);
  if (input.photos.length > MAX_PHOTOS) throw new ValidationError({ photos: 'marketplace.error.tooManyPhotos' });
  await assertBelowActiveLimit(api, seller);
  const photoIds: number[] = [];
  for (const file of input.photos) photoIds.push((await api.uploads.accept({ owner: seller, file, purpose: 'photo' })).id);

  const { thread, url } = await api.threads.create({ author: seller, categoryId, title: fields.title, raw: fields.raw, form: input.form });
  const now = input.now ?? new Date();
  const [listing] = await api.db
    .insert(marketplaceListings)
    .values({
      threadId: thread.id,
      categoryId,
      sellerId: seller.id,
      kind: fields.kind,
      serviceType: fields.serviceType,
      priceMinor: fields.priceMinor,
      currency: fields.currency,
      condition: fields.condition,
      location: fields.location,
      photoIds,
      status: 'available',
      expiresAt: new Date(now.getTime() + settings.expiryDays * day),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!listing) throw new UserError(500, 'error.500.body');
  await reindexQuietly(api, [listing.id]);
  return { listing, url };
}
