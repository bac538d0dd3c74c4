import { Hono, type Context } from 'hono';
import { allCategories, categoryAccess } from '../forum/index.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { searchOf, viewerScope } from './index.ts';
import { findAuthorId, parseSearchParams, toSearchQuery } from './params.ts';
import type { SearchResult } from './query.ts';
import { SearchForm } from './views/search-form.tsx';
import { SearchResults } from './views/results.tsx';
import { SimilarThreads } from './views/similar.tsx';

/** Fragment requests: htmx asking for the results region (not a Back-button restore, which wants the page). */
function wantsFragment(c: Context): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-history-restore-request') !== 'true';
}

function singleValues(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.queries())) if (v[0] !== undefined) out[k] = v[0];
  return out;
}

export function searchRoutes(): Hono {
  const app = new Hono();

  app.get('/search', async (c) => {
    const vc = viewContext(c);
    const service = searchOf(c);
    const input = singleValues(c);
    const pluginTypes = service.pluginTypes().filter((t) => c.get('deps').pluginHost.isActive(t.pluginId));
    const parsed = parseSearchParams(input, pluginTypes);
    const { params } = parsed;
    const access = categoryAccess(await allCategories(c.get('deps').db), c.get('user'));
    const category = typeof params.category === 'number' ? access.get(params.category) : undefined;
    const categoryIds = category ? [category.id, ...access.childrenOf(category.id).map((ch) => ch.id)] : typeof params.category === 'number' ? [-1] : [];
    const hasFilters = Boolean(params.type || params.category || params.tag || params.author || params.from || params.to || parsed.facets.length);

    let result: SearchResult | null = null;
    let unknownAuthor: string | undefined;
    let authorId: number | undefined;
    if (params.author) {
      authorId = (await findAuthorId(c.get('deps').db, params.author)) ?? undefined;
      if (authorId === undefined) unknownAuthor = params.author;
    }
    if ((params.q.trim() || hasFilters) && unknownAuthor === undefined) {
      result = await service.search(toSearchQuery(parsed, { categoryIds, authorId }), await viewerScope(c));
    }

    const baseQuery = new URLSearchParams();
    for (const [k, v] of Object.entries(input)) if (k !== 'page' && v !== '') baseQuery.set(k, v);
    const status = parsed.invalid.length ? 400 : 200;
    const results = (
      <SearchResults
        vc={vc}
        result={result}
        q={params.q.trim()}
        baseQuery={baseQuery}
        hasFilters={hasFilters}
        categories={new Map(access.readable.map((cat) => [cat.id, cat]))}
        pluginTypes={pluginTypes}
        problems={parsed.invalid}
        unknownAuthor={unknownAuthor}
      />
    );
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'HX-Request');
    if (wantsFragment(c)) {
      // the address bar gets the form's meaningful fields only, not every empty filter
      const shared = new URLSearchParams(baseQuery);
      if (shared.get('sort') === 'relevance') shared.delete('sort');
      if (typeof params.page === 'number' && params.page > 1) shared.set('page', String(params.page));
      const search = shared.toString();
      c.header('HX-Push-Url', search ? `/search?${search}` : '/search');
      return c.html(results, status);
    }
    const title = params.q.trim() ? vc.t('search.titleFor', { q: params.q.trim() }) : vc.t('search.title');
    return renderPage(
      c,
      { title, status },
      <section class="search-page stack">
        <h1>{vc.t('search.title')}</h1>
        <SearchForm vc={vc} params={params} facetInputs={parsed.facetInputs} categories={access.readable} pluginTypes={pluginTypes} />
        {results}
      </section>,
    );
  });

  /** While a thread title is typed in the composer: threads that may already answer it. */
  app.get('/search/similar', async (c) => {
    const vc = viewContext(c);
    const text = (c.req.query('title') ?? '').trim().slice(0, 200);
    if ([...text].length < 3) return c.html(<SimilarThreads vc={vc} hits={[]} />);
    const result = await searchOf(c).search(
      { q: text, types: ['thread'], categoryIds: [], facets: [], sort: 'relevance', match: 'any', page: 1, pageSize: 5 },
      await viewerScope(c),
    );
    c.header('Cache-Control', 'private, no-cache');
    return c.html(<SimilarThreads vc={vc} hits={result.hits} />);
  });

  return app;
}
