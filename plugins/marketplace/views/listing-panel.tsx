import type { FC } from 'hono/jsx';
import { CsrfField, type StoredUpload, type Thread, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { Listing } from '../schema.ts';
import { MAX_PHOTOS } from '../settings.ts';
import { allowedTargets, canManage } from '../service/status.ts';
import { kindText, priceText, StatusBadge } from './price.tsx';

export interface ListingPanelProps {
  vc: ViewContext;
  thread: Thread;
  listing: Listing;
  photos: StoredUpload[];
  expiryDays: number;
  maxSize: string;
  /** Core's report form for this listing (the moderation queue). */
  reportUrl: string;
}

const statusActionKey: Record<string, string> = {
  reserved: 'marketplace.listing.markReserved',
  sold: 'marketplace.listing.markSold',
  closed: 'marketplace.listing.markClosed',
  available: 'marketplace.listing.markAvailable',
};

const Gallery: FC<{ vc: ViewContext; thread: Thread; photos: StoredUpload[]; manage: boolean }> = ({ vc, thread, photos, manage }) =>
  photos.length === 0 ? null : (
    <ul class="mk-gallery" aria-label={vc.t('marketplace.listing.gallery')}>
      {photos.map((photo, i) => (
        <li>
          <a href={photo.urls.full} target="_blank" rel="noopener">
            <img
              src={i === 0 ? photo.urls.display : photo.urls.thumb}
              alt={vc.t('marketplace.listing.photo', { n: i + 1, count: photos.length })}
              width={i === 0 ? Math.min(photo.width, 1024) : Math.min(photo.width, 320)}
              height={Math.round((i === 0 ? Math.min(photo.width, 1024) : Math.min(photo.width, 320)) * (photo.height / photo.width))}
              loading={i === 0 ? undefined : 'lazy'}
            />
          </a>
          {manage ? (
            <form method="post" action={paths.removePhoto(thread.id, photo.id)} class="mk-remove-photo">
              <CsrfField vc={vc} />
              <button type="submit" class="small link-button">
                {vc.t('marketplace.listing.removePhoto', { n: i + 1 })}
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );

/** Price, status, details, gallery and the actions for the viewer: manage (seller, staff), contact, report. */
export const ListingPanel: FC<ListingPanelProps> = ({ vc, thread, listing, photos, expiryDays, maxSize, reportUrl }) => {
  const manage = canManage(vc.user, listing);
  const isSeller = vc.user?.id === listing.sellerId;
  return (
    <section class="mk-listing" id="mk-listing" aria-label={vc.t('marketplace.name')}>
      {listing.heldAt ? (
        <div class="flash warning" role="status">
          {vc.t('marketplace.listing.held')}
        </div>
      ) : null}
      <p class="mk-summary">
        <strong class="mk-price">{priceText(vc, listing)}</strong> <StatusBadge vc={vc} status={listing.status} /> <span class="mk-kind">{kindText(vc, listing)}</span>
      </p>
      <dl class="mk-details">
        {listing.condition ? (
          <>
            <dt>{vc.t('marketplace.listing.condition')}</dt>
            <dd>{vc.t(`marketplace.condition.${listing.condition}`)}</dd>
          </>
        ) : null}
        {listing.location ? (
          <>
            <dt>{vc.t('marketplace.listing.location')}</dt>
            <dd>{listing.location}</dd>
          </>
        ) : null}
      </dl>
      <p class="muted">
        {listing.status === 'expired'
          ? vc.t('marketplace.listing.expired', { date: vc.tr.date(listing.expiresAt, 'long') })
          : vc.t('marketplace.listing.expires', { date: vc.tr.date(listing.expiresAt, 'long') })}
      </p>
      <Gallery vc={vc} thread={thread} photos={photos} manage={manage} />

      {manage ? (
        <div class="mk-manage stack">
          <h2 class="visually-hidden">{vc.t('marketplace.listing.manage')}</h2>
          <div class="mk-actions">
            {allowedTargets(listing).map((to) => (
              <form method="post" action={paths.status(thread.id)} class="inline">
                <CsrfField vc={vc} />
                <input type="hidden" name="to" value={to} />
                <button type="submit" class="small" data-status={to}>
                  {vc.t(statusActionKey[to]!)}
                </button>
              </form>
            ))}
            {listing.status === 'sold' || listing.status === 'closed' ? null : (
              <form method="post" action={paths.renew(thread.id)} class="inline">
                <CsrfField vc={vc} />
                <button type="submit" class="small">
                  {vc.t('marketplace.listing.renew', { days: expiryDays })}
                </button>
              </form>
            )}
          </div>
          {photos.length < MAX_PHOTOS ? (
            <form method="post" action={paths.photos(thread.id)} enctype="multipart/form-data" class="mk-add-photos">
              <CsrfField vc={vc} />
              <label for="mk-add-photos">{vc.t('marketplace.listing.addPhotos')}</label>{' '}
              <input id="mk-add-photos" type="file" name="photos" multiple accept="image/jpeg,image/png,image/webp,image/gif" required aria-describedby="mk-add-photos-help" />
              <small id="mk-add-photos-help" class="help">
                {vc.t('marketplace.form.photosHelp', { max: MAX_PHOTOS - photos.length, size: maxSize })}
              </small>{' '}
              <button type="submit" class="small">
                {vc.t('marketplace.listing.addPhotosSubmit')}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}

      {!isSeller && (listing.status === 'available' || listing.status === 'reserved') ? (
        vc.user ? (
          <details class="mk-contact">
            <summary class="button primary">{vc.t('marketplace.listing.contact')}</summary>
            <form method="post" action={paths.contact(thread.id)} class="stack">
              <CsrfField vc={vc} />
              <label for="mk-contact-message">{vc.t('marketplace.listing.contactMessage')}</label>
              <textarea id="mk-contact-message" name="message" required maxlength={2000} rows={3}>
                {vc.t('marketplace.listing.contactDefault', { title: thread.title })}
              </textarea>
              <button type="submit" class="primary">
                {vc.t('marketplace.listing.contactSend')}
              </button>
            </form>
          </details>
        ) : (
          <p>
            <a href={`/login?next=${encodeURIComponent(vc.path)}`}>{vc.t('marketplace.listing.contactLogin')}</a>
          </p>
        )
      ) : null}
      {vc.user && !isSeller ? (
        <p class="mk-report">
          <a href={reportUrl}>{vc.t('marketplace.listing.report')}</a>
        </p>
      ) : null}
    </section>
  );
};
