import { UserError, type Translator, type User } from '../../../core/plugins/api.ts';
import type { Listing } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';

/** "Contact the seller": a private conversation titled after the listing, with a link back to it. */
export async function contactSeller(
  api: MarketplaceApi,
  input: { listing: Listing; from: User; title: string; url: string; message: string; t: Translator['t'] },
): Promise<string> {
  const { listing, from, t } = input;
  if (from.id === listing.sellerId) throw new UserError(400, 'marketplace.error.contactSelf');
  const raw = `${input.message.trim()}\n\n${t('marketplace.conversation.link', { url: `${api.origin}${input.url}` })}`;
  const { url } = await api.conversations.start({ from, to: [listing.sellerId], title: t('marketplace.conversation.title', { title: input.title }).slice(0, 200), raw });
  return url;
}
