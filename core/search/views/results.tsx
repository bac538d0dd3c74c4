import type { FC } from 'hono/jsx';
import type { Category } from '../../forum/schema.ts';
import { Time, countText } from '../../forum/views/bits.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { RegisteredSearchType } from '../plugin-types.ts';
import type { SearchResult } from '../query.ts';
import { Parts } from './text-parts.tsx';

export interface ResultsProps {
  vc: ViewContext;
  /** Null: nothing asked yet (show the hint). */
  result: SearchResult | null;
  q: string;
  /** The current query string without `page`, for pagination links. */
  baseQuery: URLSearchParams;
  hasFilters: boolean;
  categories: Map<number, Category>;
  pluginTypes: RegisteredSearchType[];
  problems: string[];
  unknownAuthor?: string;
}

function pageHref(base: URLSearchParams, page: number): string {
  const params = new URLSearchParams(base);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** The results region: replaced as a whole by htmx, announced politely to screen readers. */
export const SearchResults: FC<ResultsProps> = (props) => {
  const { vc, result, problems } = props;
  return (
    <section id="search-results" class="search-results" aria-live="polite" aria-busy="false">
      {problems.length ? (
        <p class="flash error" role="alert">
          {vc.t('search.invalid', { fields: problems.join(', ') })}
        </p>
      ) : null}
      {result?.degraded ? (
        <p class="flash warning" role="status">
          {vc.t('search.degraded')}
        </p>
      ) : null}
      {props.unknownAuthor !== undefined ? (
        <p class="flash error" role="alert">
          {vc.t('search.none.unknownAuthor', { author: props.unknownAuthor })}
        </p>
      ) : null}
      {!result ? <p class="muted">{vc.t('search.hint')}</p> : result.hits.length ? <HitList {...props} result={result} /> : <NoResults {...props} />}
    </section>
  );
};

const HitList: FC<ResultsProps & { result: SearchResult }> = ({ vc, result, baseQuery, categories, pluginTypes }) => {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const kind = (type: string) => {
    const plugin = pluginTypes.find((t) => t.type === type);
    return plugin ? vc.t(plugin.labelKey) : vc.t(`search.kind.${type}`);
  };
  return (
    <>
      <p class="search-count muted" role="status">
        {result.totalIsLowerBound ? vc.t('search.countMore', { count: vc.tr.number(result.total) }) : countText(vc, 'search.count', result.total)}
      </p>
      <ol class="search-hits">
        {result.hits.map((hit) => {
          const category = hit.categoryId ? categories.get(hit.categoryId) : undefined;
          return (
            <li class={`search-hit search-hit-${hit.type}`}>
              <a class="search-hit-title" href={hit.url}>
                <Parts parts={hit.title} />
              </a>
              <div class="search-hit-meta muted">
                <span class="badge">{kind(hit.type)}</span>
                {category ? <span> {vc.t('search.in', { category: category.name })}</span> : null}
                {hit.authorName && hit.type !== 'member' ? <span> · {vc.t('search.by', { author: hit.authorName })}</span> : null}
                <span> · </span>
                <Time vc={vc} date={hit.createdAt} />
              </div>
              {hit.snippet.length ? (
                <p class="search-hit-snippet">
                  <Parts parts={hit.snippet} />
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {pages > 1 ? (
        <nav class="pagination" aria-label={vc.t('search.pageOf', { page: result.page, pages })}>
          {result.page > 1 ? (
            <a class="button" rel="prev" href={pageHref(baseQuery, result.page - 1)} hx-get={pageHref(baseQuery, result.page - 1)} hx-target="#search-results" hx-swap="outerHTML" hx-push-url="true">
              {vc.t('search.prev')}
            </a>
          ) : null}
          <span class="muted">{vc.t('search.pageOf', { page: result.page, pages })}</span>
          {result.page < pages && result.page < 50 ? (
            <a class="button" rel="next" href={pageHref(baseQuery, result.page + 1)} hx-get={pageHref(baseQuery, result.page + 1)} hx-target="#search-results" hx-swap="outerHTML" hx-push-url="true">
              {vc.t('search.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
};

/** Nothing found: say so, and offer ways forward. */
const NoResults: FC<ResultsProps> = ({ vc, q, hasFilters, baseQuery }) => {
  const typed = baseQuery.get('type');
  const allTypes = new URLSearchParams(baseQuery);
  allTypes.delete('type');
  return (
    <div class="search-none">
      <h2>{q ? vc.t('search.none.title', { q }) : vc.t('search.none.titleFilters')}</h2>
      <p>{vc.t('search.none.tips')}</p>
      <ul>
        {q ? <li>{vc.t('search.none.spelling')}</li> : null}
        {q ? <li>{vc.t('search.none.fewer')}</li> : null}
        {q && hasFilters ? (
          <li>
            <a href={`/search?${new URLSearchParams({ q }).toString()}`}>{vc.t('search.none.clearFilters', { q })}</a>
          </li>
        ) : null}
        {typed ? (
          <li>
            <a href={`/search?${allTypes.toString()}`}>{vc.t('search.none.allTypes')}</a>
          </li>
        ) : null}
        <li>
          <a href="/latest">{vc.t('search.none.browse')}</a>
        </li>
      </ul>
    </div>
  );
};
