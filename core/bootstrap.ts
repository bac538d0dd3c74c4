import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { setHashConcurrency } from './accounts/service/passwords.ts';
import { baseUrl, type Config } from './config/index.ts';
import { openDatabase, type Database, type Db } from './db/index.ts';
import { migrateCore } from './db/migrate.ts';
import { createApp } from './http/app.ts';
import { registerSearch, searchHealthCheck } from './search/index.ts';
import { createPageCache } from './http/middleware/page-cache.ts';
import { activityRecorderFor } from './activity/index.ts';
import { ViewCounter } from './forum/service/view-counter.ts';
import type { AppDeps } from './http/deps.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMailer } from './mail/index.ts';
import { registerEmailJobs } from './digests/index.ts';
import { registerAnalytics } from './analytics/index.ts';
import { registerTrust } from './trust/index.ts';
import { registerScheduling } from './scheduling/index.ts';
import { registerOnboarding } from './onboarding/index.ts';
import { registerCoreMessages } from './messages.ts';
import { createPluginRuntime } from './plugins/runtime.ts';
import { discoverPlugins } from './plugins/discover.ts';
import { PluginHost } from './plugins/host.ts';
import type { PluginDefinition } from './plugins/manifest.ts';
import { PluginStateStore } from './plugins/state.ts';
import { createJobQueue } from './jobs/index.ts';
import { ANY_CHANNEL, createLiveBus, registerLivePublishing, registerNotificationPublishing } from './live/index.ts';
import { viewerReadsFor } from './cache/viewer-reads.ts';
import { registerCoreNotifications } from './notifications/index.ts';
import { registerConversationSlots } from './conversations/index.ts';
import { registerModeration } from './moderation/index.ts';
import { createUploads, registerUploadSlots } from './uploads/index.ts';
import { siteSettings } from './site/schema.ts';
import { getSiteSettings } from './site/settings.ts';
import { setActiveTheme } from './ui/theme.ts';
import { defaultTheme } from '../themes/default/index.tsx';

export interface Forum {
  app: Hono;
  deps: AppDeps;
  close(): Promise<void>;
}

export interface ForumOptions {
  config: Config;
  logger?: Logger;
  /** An already-open database (tests share one); otherwise one is opened from the config. */
  database?: Database;
  /** Apply pending migrations at start (default true). */
  migrate?: boolean;
  /** The plugins to load; default: every folder under plugins/. */
  plugins?: PluginDefinition[];
  /** Process background jobs in this process (the server does; tests drain queues themselves). */
  runJobs?: boolean;
}

let registered = false;

/** Everything that is process-wide and idempotent: strings, theme. */
export function registerGlobals(): void {
  if (registered) return;
  registered = true;
  registerCoreMessages();
  setActiveTheme(defaultTheme);
}

export async function createForum(options: ForumOptions): Promise<Forum> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  registerGlobals();
  setHashConcurrency(config.ARGON2_CONCURRENCY);
  const ownsDatabase = !options.database;
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  if (options.migrate !== false) await migrateCore(database);
  const secret = config.SECRET ?? (await loadOrCreateSecret(database.db));
  const mailer = createMailer({ db: database.db, logger, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const plugins = createPluginRuntime(logger);
  const jobs = createJobQueue(database, logger, { expireSeconds: config.JOB_EXPIRE_SECONDS });
  const origin = baseUrl(config);
  const pluginState = new PluginStateStore(database.db);
  const uploads = createUploads(database.db, config);
  const pageCache = createPageCache({ ttlMs: config.PAGE_CACHE_MS });
  const pluginHost = new PluginHost({
    database,
    logger,
    runtime: plugins,
    jobs,
    state: pluginState,
    origin,
    uploads,
    caches: { pageCache, config },
    runMigrations: true,
  });
  await pluginHost.load(options.plugins ?? (await discoverPlugins()));
  const live = await createLiveBus(database, logger);
  registerCoreNotifications(plugins.hooks, database.db);
  registerConversationSlots(plugins.slots, database.db);
  registerModeration(plugins.hooks, plugins.slots, database.db);
  registerUploadSlots(plugins.slots, uploads);
  registerLivePublishing(plugins.hooks, live);
  const stopBellUpdates = registerNotificationPublishing(database.db, live, logger);
  const views = new ViewCounter(database.db, (err) => logger.warn({ err }, 'view count failed'));
  // every write worth showing publishes a live event, on this instance or another: forget what viewers
  // share. A member's new notifications change only what they see (their bell): forget their own reads.
  // A job that notifies thousands of members (the badges plugin's anniversaries) then leaves the pages alone.
  const ownReads = viewerReadsFor({ pageCache, config });
  const stopCacheInvalidation = live.subscribe(ANY_CHANNEL, (event) => {
    const member = /^user:(\d+)$/.exec(event.channel);
    if (member) ownReads.forget(Number(member[1]));
    else pageCache.invalidate();
  });
  const deps: AppDeps = { config, database, db: database.db, logger, mailer, plugins, jobs, live, pluginHost, origin, secret, uploads, pageCache, views };
  // guests' pages served from the cache still count as page views (core/activity)
  const activity = activityRecorderFor(database.db, logger);
  pageCache.onHit(() => activity.countViewNow('guest'));
  // mail delivery, digests, notification emails: defined before the queue first starts (it creates their queues)
  registerEmailJobs(deps);
  registerAnalytics(deps);
  // community (core/trust, core/scheduling, core/onboarding): jobs, filters, slots, the registrations queue
  registerTrust(deps);
  registerScheduling(deps);
  registerOnboarding(deps);
  // search: the index worker runs where jobs run; /healthz reports the engine
  const search = registerSearch(deps, { runWorker: options.runJobs });
  const app = createApp(deps, { healthChecks: [searchHealthCheck(search)] });
  if (options.runJobs) await jobs.start({ workers: true, timeZone: (await getSiteSettings(database.db)).timeZone });
  return {
    app,
    deps,
    async close() {
      stopBellUpdates();
      await search.stop();
      stopCacheInvalidation();
      // views counted in the last few seconds are written, not lost
      await views.flush();
      await jobs.stop();
      await live.close();
      mailer.close();
      if (ownsDatabase) await database.close();
    },
  };
}

/** Every instance sharing the database must sign with the same secret, so it lives in the database. */
async function loadOrCreateSecret(db: Db): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  await db.insert(siteSettings).values({ key: 'secret', value: candidate }).onConflictDoNothing();
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.key, 'secret'));
  return String(row!.value);
}
