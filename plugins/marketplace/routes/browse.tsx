import { canStartThread, renderPage, type Category } from '../../../core/plugins/api.ts';
import { browseListings, browseQuerySchema } from '../service/browse.ts';
import type { MarketplaceApi } from '../settings.ts';
import { BrowsePage } from '../views/browse-page.tsx';
import { scopedCategory, vcOf, type MarketContext } from './context.ts';

/** GET /c/:categoryId — the category's listings as cards, with filters and sorting from the query string. */
export function browseRoute(api: MarketplaceApi) {
  return async (c: MarketContext) => {
    const category: Category = await scopedCategory(api, c);
    const query = browseQuerySchema.parse(c.req.query());
    const { defaultCurrency } = await api.settings(category.id);
    const { rows, next } = await browseListings(api, { categoryId: category.id, query, currency: defaultCurrency });
    const covers = await api.uploads.byIds(rows.flatMap((r) => r.listing.photoIds.slice(0, 1)));
    const vc = vcOf(c);
    return renderPage(
      c as never,
      { title: vc.t('marketplace.browse.title', { category: category.name }) },
      <BrowsePage vc={vc} category={category} query={query} rows={rows} covers={covers} next={next} canCreate={canStartThread(c.get('user'), category)} />,
    );
  };
}
