import type { FC } from 'hono/jsx';
import type { Category, StoredUpload, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { conditions, listingKinds, listingStatuses } from '../schema.ts';
import type { BrowseQuery, BrowseRow } from '../service/browse.ts';
import { threadUrl } from '../service/load.ts';
import { kindText, priceText, StatusBadge } from './price.tsx';

export interface BrowsePageProps {
  vc: ViewContext;
  category: Category;
  query: BrowseQuery;
  rows: BrowseRow[];
  covers: Map<number, StoredUpload>;
  next: string | null;
  canCreate: boolean;
}

const Select: FC<{ name: string; label: string; value: string; options: { value: string; label: string }[] }> = ({ name, label, value, options }) => (
  <div class="field">
    <label for={`mk-${name}`}>{label}</label>
    <select id={`mk-${name}`} name={name}>
      {options.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

const Filters: FC<{ vc: ViewContext; category: Category; query: BrowseQuery }> = ({ vc, category, query }) => (
  <form method="get" action={paths.browse(category.id)} class="mk-filters" aria-label={vc.t('marketplace.filter.title')}>
    <Select
      name="kind"
      label={vc.t('marketplace.filter.kind')}
      value={query.kind ?? ''}
      options={[{ value: '', label: vc.t('marketplace.filter.anyKind') }, ...listingKinds.map((k) => ({ value: k, label: vc.t(`marketplace.kind.${k}`) }))]}
    />
    <Select
      name="condition"
      label={vc.t('marketplace.filter.condition')}
      value={query.condition ?? ''}
      options={[{ value: '', label: vc.t('marketplace.filter.anyCondition') }, ...conditions.map((c) => ({ value: c, label: vc.t(`marketplace.condition.${c}`) }))]}
    />
    <Select
      name="status"
      label={vc.t('marketplace.filter.status')}
      value={query.status}
      options={[
        { value: 'active', label: vc.t('marketplace.status.active') },
        ...listingStatuses.map((s) => ({ value: s, label: vc.t(`marketplace.status.${s}`) })),
        { value: 'all', label: vc.t('marketplace.status.all') },
      ]}
    />
    <div class="field">
      <label for="mk-minPrice">{vc.t('marketplace.filter.minPrice')}</label>
      <input id="mk-minPrice" name="minPrice" inputmode="decimal" value={query.minPrice} size={8} />
    </div>
    <div class="field">
      <label for="mk-maxPrice">{vc.t('marketplace.filter.maxPrice')}</label>
      <input id="mk-maxPrice" name="maxPrice" inputmode="decimal" value={query.maxPrice} size={8} />
    </div>
    <Select
      name="sort"
      label={vc.t('marketplace.filter.sort')}
      value={query.sort}
      options={[
        { value: 'newest', label: vc.t('marketplace.sort.newest') },
        { value: 'price_asc', label: vc.t('marketplace.sort.priceAsc') },
        { value: 'price_desc', label: vc.t('marketplace.sort.priceDesc') },
      ]}
    />
    <div class="form-actions">
      <button type="submit" class="primary">
        {vc.t('marketplace.filter.apply')}
      </button>
      <a href={paths.browse(category.id)}>{vc.t('marketplace.filter.reset')}</a>
    </div>
  </form>
);

function nextQuery(query: BrowseQuery, next: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, after: next })) if (v) params.set(k, String(v));
  return params.toString();
}

/** A category's listings as cards (photo, price, status) with filters; keyset "more" link. */
export const BrowsePage: FC<BrowsePageProps> = ({ vc, category, query, rows, covers, next, canCreate }) => (
  <section class="mk-browse stack">
    <header class="mk-browse-header">
      <h1>{vc.t('marketplace.browse.title', { category: category.name })}</h1>
      <nav class="mk-links">
        {canCreate ? (
          <a class="button primary" href={paths.create(category.id)}>
            {vc.t('marketplace.new')}
          </a>
        ) : null}
        <a href={`/c/${encodeURIComponent(category.slug)}`}>{vc.t('marketplace.browse.discussion')}</a>
      </nav>
    </header>
    <Filters vc={vc} category={category} query={query} />
    {rows.length === 0 ? (
      <p class="empty">{vc.t('marketplace.browse.empty')}</p>
    ) : (
      <ul class="mk-cards">
        {rows.map(({ listing, title, slug }) => {
          const cover = listing.photoIds[0] === undefined ? undefined : covers.get(listing.photoIds[0]);
          return (
            <li class={`mk-card mk-card-${listing.status}`} data-listing-id={String(listing.id)}>
              <a href={threadUrl({ id: listing.threadId, slug })}>
                {cover ? (
                  <img src={cover.urls.thumb} alt={vc.t('marketplace.card.photoAlt', { title })} width={320} height={Math.round(320 * (cover.height / cover.width))} loading="lazy" />
                ) : (
                  <span class="mk-no-photo">{vc.t('marketplace.card.noPhoto')}</span>
                )}
                <span class="mk-card-title">{title}</span>
              </a>
              <p class="mk-card-meta">
                <strong class="mk-price">{priceText(vc, listing)}</strong> <StatusBadge vc={vc} status={listing.status} />
              </p>
              <p class="mk-card-meta muted">
                {kindText(vc, listing)}
                {listing.condition ? ` · ${vc.t(`marketplace.condition.${listing.condition}`)}` : ''}
                {listing.location ? ` · ${listing.location}` : ''}
              </p>
            </li>
          );
        })}
      </ul>
    )}
    {next ? (
      <p>
        <a class="button" href={paths.browse(category.id, nextQuery(query, next))}>
          {vc.t('marketplace.browse.more')}
        </a>
      </p>
    ) : null}
  </section>
);
