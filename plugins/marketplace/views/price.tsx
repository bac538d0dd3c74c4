import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import type { Listing } from '../schema.ts';
import { formatAmount } from '../service/money.ts';

export function priceText(vc: ViewContext, listing: Pick<Listing, 'kind' | 'priceMinor' | 'currency'>): string {
  if (listing.kind === 'free') return vc.t('marketplace.price.free');
  if (listing.priceMinor === null || !listing.currency) return vc.t('marketplace.price.none');
  return formatAmount(listing.priceMinor, listing.currency, vc.locale);
}

export const StatusBadge: FC<{ vc: ViewContext; status: Listing['status'] }> = ({ vc, status }) => (
  <span class={`mk-status mk-status-${status}`}>{vc.t(`marketplace.status.${status}`)}</span>
);

export function kindText(vc: ViewContext, listing: Pick<Listing, 'kind' | 'serviceType'>): string {
  return listing.kind === 'service' && listing.serviceType ? vc.t(`marketplace.service.${listing.serviceType}`) : vc.t(`marketplace.kind.${listing.kind}`);
}
