import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { allCategories } from '../service/category-cache.ts';
import { categoryStats } from '../service/category-index.ts';
import { categoryStylesheet } from '../service/category-css.ts';
import { categoryPath } from '../service/slug.ts';
import { CategoriesIndex } from '../views/categories-page.tsx';
import { CategoryHeader } from '../views/category-header.tsx';
import { categoryWatchLevel, WatchControl } from '../../watching/index.ts';
import { ListingLayout } from '../views/listing-page.tsx';
import { MemberPart, noMemberState } from '../../ui/member-parts.tsx';
import { access } from './context.ts';
import { renderListing } from './render-listing.tsx';

export function categoryRoutes(): Hono {
  const app = new Hono();

  app.get('/assets/categories.css', async (c) => {
    const css = categoryStylesheet(await allCategories(c.get('deps').db));
    const etag = `"${createHash('sha256').update(css).digest('hex').slice(0, 16)}"`;
    c.header('Content-Type', 'text/css; charset=utf-8');
    // revalidated on every page (a 304 when unchanged) so a new or recoloured category shows at once
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.body(css);
  });

  app.get('/categories', async (c) => {
    const vc = viewContext(c);
    const readable = await access(c);
    const stats = await categoryStats(c.get('deps').db, readable);
    return renderPage(
      c,
      { title: vc.t('nav.categories'), canonical: `${vc.origin}/categories` },
      <ListingLayout vc={vc} title={vc.t('nav.categories')} active="categories">
        <CategoriesIndex vc={vc} access={readable} stats={stats} />
      </ListingLayout>,
    );
  });

  app.get('/c/:slug', async (c) => {
    const vc = viewContext(c);
    const readable = await access(c);
    const category = readable.bySlug(c.req.param('slug'));
    if (!category) throw new UserError(404, 'error.404.body');
    const subcategories = readable.childrenOf(category.id);
    const categoryIds = [category.id, ...subcategories.map((s) => s.id)];
    const path = categoryPath(category);
    const user = c.get('user');
    const watch = user ? await categoryWatchLevel(c.get('deps').db, user.id, category.id) : undefined;
    return renderListing(c, {
      query: { kind: 'latest', categoryIds, excludePinned: 'any' },
      path,
      title: category.name,
      description: category.description || undefined,
      pinned: { categoryIds },
      empty: vc.t('forum.empty.category'),
      feeds: [{ title: vc.t('forum.feed.category', { name: category.name }), href: `${path}.rss` }],
      memberState: { categoryWatch: watch },
      frame: (vc, list) => (
        <div class="category-page">
          <CategoryHeader
            vc={vc}
            category={category}
            parent={readable.parentOf(category)}
            subcategories={subcategories}
            canStart={readable.canStart(category)}
          />
          <MemberPart
            vc={vc}
            state={{ ...noMemberState, categoryWatch: watch }}
            variant={(_, state) => state.categoryWatch ?? ''}
            render={(own, state) => (own.user && state.categoryWatch ? <WatchControl vc={own} category={category} level={state.categoryWatch} /> : null)}
          />
          {list}
        </div>
      ),
    });
  });

  return app;
}
