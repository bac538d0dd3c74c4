import type { FC } from 'hono/jsx';
import type { Category, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { listingShows, listingSorts, type ListingShow, type ListingSort, type QuestionRow } from '../service/listing.ts';

const threadHref = (row: Pick<QuestionRow, 'id' | 'slug'>) => `/t/${row.id}/${encodeURIComponent(row.slug)}`;

function count(vc: ViewContext, key: string, n: number): string {
  return vc.t(n === 1 ? `${key}.one` : key, { count: vc.tr.number(n) });
}

export const QuestionRows: FC<{ vc: ViewContext; rows: QuestionRow[] }> = ({ vc, rows }) => (
  <>
    {rows.map((row) => (
      <li class={row.solved ? 'thread-row qa-row solved' : 'thread-row qa-row'} id={`qa-question-${row.id}`}>
        <div class="qa-row-stats">
          <span class="qa-row-score">{count(vc, 'qa.listing.votes', row.score)}</span>
          <span class={row.solved ? 'qa-row-answers solved' : row.replyCount ? 'qa-row-answers' : 'qa-row-answers none'}>
            {row.solved ? '✓ ' : ''}
            {count(vc, 'qa.listing.answers', row.replyCount)}
          </span>
        </div>
        <h2 class="thread-title">
          <a href={threadHref(row)}>{row.title}</a> {row.solved ? <span class="badge qa-solved">✓ {vc.t('qa.solved')}</span> : null}
        </h2>
        <div class="meta">
          {row.author ? <span>{vc.t('qa.listing.askedBy', { name: row.author.displayName })}</span> : null}{' '}
          <time datetime={row.lastPostAt.toISOString()}>{vc.tr.date(row.lastPostAt, 'short')}</time>
        </div>
      </li>
    ))}
  </>
);

export const MoreQuestions: FC<{ vc: ViewContext; href: string | null; oob?: boolean }> = ({ vc, href, oob }) => (
  <div class="load-more" id="qa-questions-more" hx-swap-oob={oob ? 'true' : undefined}>
    {href ? (
      <a class="button" href={href} hx-get={href} hx-target="#qa-questions" hx-swap="beforeend" rel="next">
        {vc.t('common.loadMore')}
      </a>
    ) : null}
  </div>
);

export interface ListingPageProps {
  vc: ViewContext;
  category: Category;
  show: ListingShow;
  sort: ListingSort;
  rows: QuestionRow[];
  nextHref: string | null;
}

/** A category's questions with the unanswered / unsolved / solved filters and the two sort orders. */
export const ListingPage: FC<ListingPageProps> = ({ vc, category, show, sort, rows, nextHref }) => (
  <div class="qa-listing">
    <p class="breadcrumbs small">
      <a href={`/c/${encodeURIComponent(category.slug)}`}>{category.name}</a>
    </p>
    <h1>{vc.t('qa.listing.title', { category: category.name })}</h1>
    <nav class="tabs qa-filter-tabs" aria-label={vc.t('qa.listing.filters')}>
      {listingShows.map((value) => (
        <a href={paths.questions(category.id, { show: value === 'all' ? undefined : value, sort: sort === 'activity' ? undefined : sort })} aria-current={value === show ? 'page' : undefined}>
          {vc.t(`qa.show.${value}`)}
        </a>
      ))}
    </nav>
    <nav class="tabs qa-sort-tabs small" aria-label={vc.t('qa.listing.sort')}>
      {listingSorts.map((value) => (
        <a href={paths.questions(category.id, { show: show === 'all' ? undefined : show, sort: value === 'activity' ? undefined : value })} aria-current={value === sort ? 'page' : undefined}>
          {vc.t(`qa.sort.${value}`)}
        </a>
      ))}
    </nav>
    {rows.length ? (
      <ul class="thread-list qa-question-list" id="qa-questions">
        <QuestionRows vc={vc} rows={rows} />
      </ul>
    ) : (
      <p class="empty">{vc.t(`qa.listing.empty.${show}`)}</p>
    )}
    <MoreQuestions vc={vc} href={nextHref} />
  </div>
);
