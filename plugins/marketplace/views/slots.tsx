import { inArray } from 'drizzle-orm';
import type { FC } from 'hono/jsx';
import { canStartThread, type Category, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { marketplaceListings, type Listing } from '../schema.ts';
import { listingByThread } from '../service/load.ts';
import { canManage } from '../service/status.ts';
import { REPORT_TYPE } from '../service/reportable.ts';
import type { MarketplaceApi } from '../settings.ts';
import { sizeText } from '../routes/context.ts';
import { ListingPanel } from './listing-panel.tsx';
import { priceText, StatusBadge } from './price.tsx';

/** category.header: the way to the cards view and to a new listing. */
export function categoryLinks(api: MarketplaceApi): FC<{ vc: ViewContext; category: Category }> {
  return function MarketplaceCategoryLinks({ vc, category }) {
    return (
      <nav class="mk-category-links" aria-label={vc.t('marketplace.name')}>
        <a class="button" href={paths.browse(category.id)}>
          {vc.t('marketplace.browse')}
        </a>
        {canStartThread(vc.user, category) ? (
          <a class="button primary" href={paths.create(category.id)}>
            {vc.t('marketplace.new')}
          </a>
        ) : null}
      </nav>
    );
  };
}

/** thread.header: the listing's price, status, gallery and actions. */
export function listingHeader(api: MarketplaceApi): FC<{ vc: ViewContext; thread: Thread; category: Category }> {
  return async function MarketplaceListingHeader({ vc, thread, category }) {
    const listing = await listingByThread(api, thread.id);
    // hidden pending review: only the seller and staff still see it (with a notice)
    if (!listing || (listing.heldAt && !canManage(vc.user, listing))) return null;
    const [photos, settings] = await Promise.all([api.uploads.byIds(listing.photoIds), api.settings(category.id)]);
    return (
      <ListingPanel
        vc={vc}
        thread={thread}
        listing={listing}
        photos={listing.photoIds.flatMap((id) => photos.get(id) ?? [])}
        expiryDays={settings.expiryDays}
        maxSize={sizeText(api.uploads.maxBytes)}
        reportUrl={api.moderation.reportUrl(REPORT_TYPE, listing.id)}
      />
    );
  };
}

/** Listings of the rows a thread list renders together, one query per list (memoised on the view context). */
const rowsByView = new WeakMap<ViewContext, Map<string, Promise<Map<number, Listing>>>>();

export function listItemBadge(api: MarketplaceApi): FC<{ vc: ViewContext; thread: Thread; listThreadIds: readonly number[] }> {
  return async function MarketplaceListItem({ vc, thread, listThreadIds }) {
    const lists = rowsByView.get(vc) ?? new Map<string, Promise<Map<number, Listing>>>();
    rowsByView.set(vc, lists);
    const key = listThreadIds.join(',');
    let pending = lists.get(key);
    if (!pending) {
      pending = api.db
        .select()
        .from(marketplaceListings)
        .where(inArray(marketplaceListings.threadId, [...listThreadIds]))
        .then((rows) => new Map(rows.map((r) => [r.threadId, r])));
      lists.set(key, pending);
    }
    const listing = (await pending).get(thread.id);
    if (!listing || listing.heldAt) return null;
    return (
      <span class="mk-list-badge">
        <span class="mk-price">{priceText(vc, listing)}</span> <StatusBadge vc={vc} status={listing.status} />
      </span>
    );
  };
}

/** composer.extras: in a marketplace category, point members who are selling to the listing form. */
export function composerHint(): FC<{ vc: ViewContext; category: Category | null; mode: 'thread' | 'reply' }> {
  return function MarketplaceComposerHint({ vc, category, mode }) {
    if (!category || mode !== 'thread') return null;
    return (
      <p class="mk-composer-hint">
        <a href={paths.create(category.id)}>{vc.t('marketplace.composer.hint')}</a>
      </p>
    );
  };
}
