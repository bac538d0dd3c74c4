import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';

/** Page links for readers without JavaScript and for crawlers: first, last, and two either side of the current. */
export const Pagination: FC<{ vc: ViewContext; base: string; page: number; pages: number }> = ({ vc, base, page, pages }) => {
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const href = (p: number) => (p === 1 ? base : `${base}?page=${p}`);
  return (
    <nav class="pagination" aria-label={vc.t('forum.pagination.label')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {vc.t('common.previous')}
        </a>
      ) : null}
      {shown.map((p, i) => (
        <>
          {i > 0 && p - shown[i - 1]! > 1 ? <span class="gap">…</span> : null}
          {p === page ? (
            <span aria-current="page">{p}</span>
          ) : (
            <a href={href(p)} aria-label={vc.t('forum.pagination.page', { page: p })}>
              {p}
            </a>
          )}
        </>
      ))}
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {vc.t('common.next')}
        </a>
      ) : null}
    </nav>
  );
};
