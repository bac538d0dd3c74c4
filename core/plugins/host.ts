import { Hono, type MiddlewareHandler } from 'hono';
import type { PageCache } from '../http/middleware/page-cache.ts';
import semver from 'semver';
import type { Database } from '../db/index.ts';
import { UserError } from '../http/errors.tsx';
import { registerMessages } from '../i18n/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Logger } from '../logger.ts';
import { PluginError } from './errors.ts';
import type { AdminPageDefinition, NotificationTypeDefinition, PluginDefinition, PluginEnv, PluginRequest } from './manifest.ts';
import { migratePlugin } from './migrations.ts';
import type { PluginRuntime } from './runtime.ts';
import { orderByDependencies, validateManifest, validateTables } from './validate.ts';
import { createPluginApi, type StagedRegistrations } from './api-factory.ts';
import type { PluginStateStore } from './state.ts';
import type { AnalyticsRegistrations } from '../analytics/plugin-types.ts';
import { resolveSettings } from './settings.ts';
import { serveAsset } from '../http/routes/system.ts';
import { registerNotificationType } from '../notifications/types.ts';
import type { UploadContext } from '../uploads/index.ts';

/** Each method+path may be registered by one call only: a second registration would silently shadow the first. */
function guardDuplicateRoutes(id: string, routes: Hono<PluginEnv<unknown>>): void {
  const seen = new Set<string>();
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    const original = routes[method].bind(routes) as (...args: unknown[]) => unknown;
    (routes as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      if (typeof args[0] === 'string') {
        const key = `${method.toUpperCase()} ${args[0]}`;
        if (seen.has(key)) throw new PluginError('PLUGIN_DUPLICATE_ROUTE', id, { route: `${method.toUpperCase()} /plugins/${id}${args[0]}`, owner: id });
        seen.add(key);
      }
      return original(...args);
    };
  }
}

/** The version of the public plugin API (core/plugins/api.ts). Plugins declare the range they support. */
export const CORE_API_VERSION = '1.5.0';

export interface LoadedPlugin {
  definition: PluginDefinition;
  status: 'active' | 'refused';
  error?: PluginError;
  adminPages: AdminPageDefinition[];
  notificationTypes: Map<string, NotificationTypeDefinition>;
  /** Its analytics metrics and panels (api.analytics). */
  analytics?: AnalyticsRegistrations;
}

export interface PluginHostDeps {
  database: Database;
  logger: Logger;
  runtime: PluginRuntime;
  jobs: JobQueue;
  state: PluginStateStore;
  origin: string;
  /** Image uploads (core/uploads), for api.uploads. */
  uploads: UploadContext;
  /** The forum's in-memory caches, for api.sharedReads (absent: nothing is kept). */
  caches?: { pageCache: PageCache; config: { PAGE_CACHE_MS: number } };
  runMigrations: boolean;
}

/** Loads plugins with every check done once, here, and switches their registrations on and off. */
export class PluginHost {
  private loaded = new Map<string, LoadedPlugin>();
  private apps = new Map<string, Hono<PluginEnv<unknown>>>();

  constructor(private readonly deps: PluginHostDeps) {}

  get state(): PluginStateStore {
    return this.deps.state;
  }

  list(): LoadedPlugin[] {
    return [...this.loaded.values()];
  }

  get(id: string): LoadedPlugin | undefined {
    return this.loaded.get(id);
  }

  /** Whether a plugin's registrations apply: on, and (category scope) on in this category / in any category. */
  isActive(id: string, categoryId?: number | null): boolean {
    const plugin = this.loaded.get(id);
    if (!plugin || plugin.status !== 'active') return false;
    const state = this.deps.state.get(id);
    if (!state?.enabled) return false;
    if (plugin.definition.scope === 'global') return true;
    return categoryId == null ? state.categories.size > 0 : state.categories.has(categoryId);
  }

  async settingsFor(id: string, categoryId?: number | null): Promise<Record<string, unknown>> {
    const plugin = this.loaded.get(id);
    const state = this.deps.state.get(id);
    if (!plugin) return {};
    const overrides = categoryId != null ? state?.categories.get(categoryId) : undefined;
    return resolveSettings(plugin.definition.settings, state?.settings ?? {}, overrides, plugin.definition.categorySettings ?? []);
  }

  async load(definitions: PluginDefinition[]): Promise<void> {
    const { ordered, refused } = orderByDependencies(definitions);
    for (const [definition, error] of refused) this.refuse(definition, error);
    for (const definition of ordered) {
      try {
        await this.loadOne(definition);
      } catch (error) {
        const pluginError =
          error instanceof PluginError
            ? error
            : new PluginError('PLUGIN_SETUP_FAILED', definition.id, { detail: String((error as Error)?.message ?? error) });
        this.refuse(definition, pluginError);
      }
    }
    await this.deps.state.load();
  }

  private refuse(definition: PluginDefinition, error: PluginError): void {
    this.deps.logger.error({ plugin: definition.id, code: error.code }, error.message);
    this.loaded.set(definition.id, { definition, status: 'refused', error, adminPages: [], notificationTypes: new Map() });
  }

  private async loadOne(definition: PluginDefinition): Promise<void> {
    validateManifest(definition);
    if (this.loaded.has(definition.id)) throw new PluginError('PLUGIN_DUPLICATE_ID', definition.id, { id: definition.id });
    if (!semver.satisfies(CORE_API_VERSION, definition.coreApi)) {
      throw new PluginError('PLUGIN_CORE_VERSION_MISMATCH', definition.id, { range: definition.coreApi, core: CORE_API_VERSION });
    }
    for (const [dependency, range] of Object.entries(definition.dependencies ?? {})) {
      const found = this.loaded.get(dependency);
      const ok = found?.status === 'active' && semver.satisfies(found.definition.version, range);
      if (!ok) {
        const foundText = !found ? 'not installed' : found.status !== 'active' ? 'refused' : `version ${found.definition.version}`;
        throw new PluginError('PLUGIN_MISSING_DEPENDENCY', definition.id, { dependency, range, found: foundText });
      }
    }
    if (definition.settings) {
      const defaults = definition.settings.safeParse({});
      if (!defaults.success) {
        throw new PluginError('PLUGIN_INVALID_SETTINGS', definition.id, { detail: defaults.error.issues.map((i) => i.path.join('.')).join(', ') });
      }
    }
    validateTables(definition);
    if (this.deps.runMigrations && definition.migrations) await migratePlugin(this.deps.database, definition);
    await this.deps.state.ensure(definition.id, definition.version, definition.enabledByDefault ?? true);
    if (definition.locales) registerMessages(definition.locales);

    const staged: StagedRegistrations = {
      filters: [],
      actions: [],
      slots: [],
      adminPages: [],
      jobs: [],
      notificationTypes: new Map(),
      analytics: { metrics: new Map(), panels: [] },
    };
    const routes = new Hono<PluginEnv<unknown>>();
    guardDuplicateRoutes(definition.id, routes);
    const api = createPluginApi(definition, this, staged, routes, this.deps);
    await definition.setup(api as never);
    this.commit(definition, staged);
    this.apps.set(definition.id, routes);
    this.loaded.set(definition.id, {
      definition,
      status: 'active',
      adminPages: staged.adminPages,
      notificationTypes: staged.notificationTypes,
      analytics: staged.analytics,
    });
    this.deps.logger.debug({ plugin: definition.id, version: definition.version }, 'plugin loaded');
  }

  /** Registrations take effect only once setup() has succeeded, all together. */
  private commit(definition: PluginDefinition, staged: StagedRegistrations): void {
    const { hooks, slots } = this.deps.runtime;
    for (const s of staged.slots) {
      const existing = slots.list(s.name).find((e) => e.key === s.key);
      if (existing) {
        throw new PluginError('PLUGIN_DUPLICATE_SLOT_KEY', definition.id, { key: s.key, slot: s.name, owner: existing.owner });
      }
    }
    const id = definition.id;
    for (const f of staged.filters) {
      hooks.addFilter(f.name, f.handler, { owner: id, priority: f.priority, active: (ctx) => this.isActive(id, ctx.categoryId) });
    }
    for (const a of staged.actions) {
      hooks.addAction(a.name, a.handler, { owner: id, priority: a.priority, active: (ctx) => this.isActive(id, ctx.categoryId) });
    }
    for (const s of staged.slots) {
      slots.set(s.name, { key: s.key, owner: id, priority: s.priority, render: s.render, preload: s.preload, shared: s.shared, active: (categoryId) => this.isActive(id, categoryId) });
    }
    for (const job of staged.jobs) this.deps.jobs.define(job);
    for (const [type, def] of staged.notificationTypes) registerNotificationType(type, def.messageKey);
  }

  /** Mounts every active plugin's routes at /plugins/<id>, behind the enablement guard. */
  mount(app: Hono): void {
    for (const [id, routes] of this.apps) {
      const wrapper = new Hono<PluginEnv<unknown>>();
      wrapper.use(this.guard(id));
      wrapper.get('/assets/:hash/:name', (c) => serveAsset(c, `${id}/${c.req.param('name')}`, c.req.param('hash')));
      wrapper.route('/', routes);
      app.route(`/plugins/${id}`, wrapper as unknown as Hono);
    }
  }

  private guard(id: string): MiddlewareHandler<PluginEnv<unknown>> {
    return async (c, next) => {
      if (!this.isActive(id)) throw new UserError(404, 'error.404.body');
      const request: PluginRequest<unknown> = {
        id,
        settings: (categoryId) => this.settingsFor(id, categoryId),
        enabledIn: (categoryId) => this.isActive(id, categoryId),
      };
      c.set('plugin', request);
      await next();
    };
  }
}
