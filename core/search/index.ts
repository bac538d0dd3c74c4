// The search domain's public surface.
import type { Context } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import type { HealthCheck } from '../http/routes/system.ts';
import { allCategories, categoryAccess } from '../forum/index.ts';
import { CORE_TYPES } from './documents.ts';
import type { SearchScope } from './query.ts';
import { registerSearchService, searchServiceOf, SearchService } from './service.ts';

export { SearchService, searchServiceOf, type SearchStatus, type ReindexProgress } from './service.ts';
export type { SearchQuery, SearchResult, SearchHit, SearchScope, FacetFilter } from './query.ts';
export { searchRoutes } from './routes.tsx';
export { createSearchApi, type SearchApi, type SearchTypeDefinition, type SearchFacetDefinition, type PluginSearchDocument } from './plugin-types.ts';

/**
 * Builds the forum's search service (Meilisearch when MEILI_URL is set, the built-in engine otherwise)
 * and ties it to these dependencies. `runWorker` starts the index worker (the server process does;
 * tests and the CLI call drain()).
 */
export function registerSearch(deps: AppDeps, options: { runWorker?: boolean } = {}): SearchService {
  const service = new SearchService({
    db: deps.db,
    logger: deps.logger.child({ domain: 'search' }),
    host: deps.pluginHost,
    meiliUrl: deps.config.MEILI_URL,
    meiliKey: deps.config.MEILI_KEY,
  });
  registerSearchService(deps, service);
  if (options.runWorker) service.start();
  return service;
}

/** The service of the forum handling this request. */
export function searchOf(c: Context): SearchService {
  return searchServiceOf(c.get('deps'));
}

/** What the current viewer may find: readable categories and the types of active plugins. */
export async function viewerScope(c: Context): Promise<SearchScope> {
  const access = categoryAccess(await allCategories(c.get('deps').db), c.get('user'));
  const host = c.get('deps').pluginHost;
  const pluginTypes = searchOf(c)
    .pluginTypes()
    .filter((t) => host.isActive(t.pluginId))
    .map((t) => t.type);
  return { readableCategoryIds: access.readableIds, allowedTypes: [...CORE_TYPES, ...pluginTypes] };
}

/** /healthz: the engine in use; "degraded" when Meilisearch is configured but not answering (never fatal). */
export function searchHealthCheck(service: SearchService): HealthCheck {
  return async () => {
    if (!service.meili) return { name: 'search', state: 'builtin', ok: true, critical: false };
    const up = await Promise.race([service.meili.healthy(), new Promise<boolean>((r) => setTimeout(() => r(false), 1500).unref())]);
    return { name: 'search', state: up && !service.degraded ? 'meilisearch' : 'degraded', ok: up, critical: false };
  };
}
