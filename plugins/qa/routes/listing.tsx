import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { categories, renderPage, UserError } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { decodeCursor, encodeCursor, listingShows, listingSorts, listQuestions, type ListingShow, type ListingSort } from '../service/listing.ts';
import type { QaApi } from '../settings.ts';
import { ListingPage, MoreQuestions, QuestionRows } from '../views/listing-page.tsx';
import { idParam, isHtmx, vcOf, type QaContext } from './context.ts';

function pick<T extends string>(options: readonly T[], value: string | undefined, fallback: T): T {
  return (options as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** GET /c/:categoryId/questions?show=unanswered|unsolved|solved&sort=votes — behind api.scope.category(). */
export function listingRoute(api: QaApi) {
  return async function qaListing(c: QaContext) {
    const categoryId = idParam(c, 'categoryId');
    const [category] = await api.db.select().from(categories).where(eq(categories.id, categoryId)).limit(1);
    if (!category) throw new UserError(404, 'error.404.body');
    const show: ListingShow = pick(listingShows, c.req.query('show'), 'all');
    const sort: ListingSort = pick(listingSorts, c.req.query('sort'), 'activity');
    const before = decodeCursor(c.req.query('before'), sort);
    const { rows, next } = await listQuestions(api.db, { categoryId, show, sort, before });
    const vc = vcOf(c);
    const nextHref = next
      ? paths.questions(categoryId, { show: show === 'all' ? undefined : show, sort: sort === 'activity' ? undefined : sort, before: encodeCursor(next) })
      : null;
    c.header('Vary', 'HX-Request', { append: true });
    if (before && isHtmx(c)) {
      return c.html(
        <>
          <QuestionRows vc={vc} rows={rows} />
          <MoreQuestions vc={vc} href={nextHref} oob />
        </>,
      );
    }
    const title = vc.t('qa.listing.title', { category: category.name });
    return renderPage(
      c as unknown as Context,
      { title, canonical: `${vc.origin}${paths.questions(categoryId, { show: show === 'all' ? undefined : show, sort: sort === 'activity' ? undefined : sort })}` },
      <ListingPage vc={vc} category={category} show={show} sort={sort} rows={rows} nextHref={nextHref} />,
    );
  };
}
