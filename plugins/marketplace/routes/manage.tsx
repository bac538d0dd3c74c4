import { UserError, ValidationError } from '../../../core/plugins/api.ts';
import { z } from 'zod';
import { listingStatuses } from '../schema.ts';
import { contactSeller } from '../service/contact.ts';
import { requireListing, threadUrl } from '../service/load.ts';
import { addPhotos, removePhoto } from '../service/photos.ts';
import { changeStatus, renewListing } from '../service/status.ts';
import type { MarketplaceApi } from '../settings.ts';
import { filesOf, scopedThread, signedIn, stringsOf, type MarketContext } from './context.ts';

const statusForm = z.object({ to: z.enum(listingStatuses) });

function back(c: MarketContext): Response {
  return c.redirect(`${threadUrl(scopedThread(c))}#mk-listing`, 303);
}

/** POST /l/:threadId/status — seller or staff; answers 409 when another request changed it first. */
export function statusRoute(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    const actor = signedIn(c);
    const listing = await requireListing(api, scopedThread(c).id);
    const parsed = statusForm.safeParse(await stringsOf(c));
    if (!parsed.success) throw new UserError(400, 'error.400.body');
    await changeStatus(api, { listing, actor, to: parsed.data.to });
    return back(c);
  };
}

export function renewRoute(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    const listing = await requireListing(api, scopedThread(c).id);
    await renewListing(api, { listing, actor: signedIn(c) });
    return back(c);
  };
}

export function addPhotosRoute(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    const listing = await requireListing(api, scopedThread(c).id);
    try {
      await addPhotos(api, { listing, actor: signedIn(c), files: await filesOf(c, 'photos') });
    } catch (error) {
      if (error instanceof ValidationError) throw new UserError(400, 'marketplace.error.tooManyPhotos', { max: 8 });
      throw error;
    }
    return back(c);
  };
}

export function removePhotoRoute(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    const listing = await requireListing(api, scopedThread(c).id);
    await removePhoto(api, { listing, actor: signedIn(c), uploadId: Number(c.req.param('uploadId')) });
    return back(c);
  };
}

const contactForm = z.object({ message: z.string().trim().min(1).max(2000) });

/** POST /l/:threadId/contact — opens a private conversation with the seller and goes there. */
export function contactRoute(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    const from = signedIn(c);
    const thread = scopedThread(c);
    const listing = await requireListing(api, thread.id);
    const parsed = contactForm.safeParse(await stringsOf(c));
    if (!parsed.success) throw new UserError(400, 'marketplace.error.message');
    const url = await contactSeller(api, { listing, from, title: thread.title, url: threadUrl(thread), message: parsed.data.message, t: c.get('t').t });
    return c.redirect(url, 303);
  };
}
