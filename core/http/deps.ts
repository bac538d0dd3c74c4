import type { Config } from '../config/index.ts';
import type { Database, Db } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/index.ts';
import type { PluginRuntime } from '../plugins/runtime.ts';
import type { PluginHost } from '../plugins/host.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { LiveBus } from '../live/index.ts';
import type { UploadContext } from '../uploads/index.ts';
import type { PageCache } from './middleware/page-cache.ts';
import type { ViewCounter } from '../forum/service/view-counter.ts';

/** What every route factory is handed: built once at start, shared by all requests. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  mailer: Mailer;
  /** The public origin, e.g. https://forum.example.org (no trailing slash). */
  origin: string;
  /** Hooks and UI slots that plugins fill; core calls them at the documented points. */
  plugins: PluginRuntime;
  /** Loaded plugins, their state and settings. */
  pluginHost: PluginHost;
  /** Live events to open pages (SSE), across instances via LISTEN/NOTIFY. */
  live: LiveBus;
  /** Durable background jobs (pg-boss). */
  jobs: JobQueue;
  /** Signs purpose-bound tokens (unsubscribe, …). */
  secret: string;
  /** Image uploads: storage (DATA_DIR/uploads by default) and limits. */
  uploads: UploadContext;
  /** Guests' pages kept briefly in memory; emptied by writes and live events from any instance. */
  pageCache: PageCache;
  /** Thread views added up in memory and written every few seconds (flushed on close). */
  views: ViewCounter;
}

declare module 'hono' {
  interface ContextVariableMap {
    deps: AppDeps;
    requestId: string;
    log: Logger;
  }
}
