import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { FC } from 'hono/jsx';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../db/index.ts';
import type { User } from '../accounts/schema.ts';
import type { Post, Thread } from '../forum/schema.ts';
import type { Logger } from '../logger.ts';
import type { Locale } from '../i18n/index.ts';
import type { ViewContext } from '../ui/view-context.ts';
import type { ActionHandler, ActionHooks, ActionName, FilterHandler, FilterName, HookContext } from './hooks.ts';
import type { SlotName, SlotPreload, SlotProps } from './slots.tsx';
import type { AnalyticsApi } from '../analytics/plugin-types.ts';
import type { SearchApi } from '../search/plugin-types.ts';
import type { IncomingFile, StoredUpload } from '../uploads/index.ts';
import type { SharedReads } from '../cache/shared-reads.ts';

export type PluginScope = 'global' | 'category';
export type SettingsSchema = z.ZodObject<z.ZodRawShape>;

/** A plugin's whole footprint, declared in `plugins/<id>/plugin.ts` with definePlugin(). */
export interface PluginDefinition<S extends SettingsSchema = SettingsSchema> {
  /** Lower-case letters, digits and dashes; also the route prefix and the table prefix. */
  id: string;
  version: string;
  /** The semver range of core plugin API versions this plugin was written for, e.g. "^1.0.0". */
  coreApi: string;
  /** Other plugins this one needs: id → semver range. */
  dependencies?: Record<string, string>;
  scope: PluginScope;
  /** Typed settings with defaults; admins edit them on /admin/plugins. */
  settings?: S;
  /** Settings an admin may override per category (category-scoped plugins). */
  categorySettings?: readonly (keyof z.infer<S> & string)[];
  /** The plugin's drizzle tables; every table name must start with `<id>_` (dashes become underscores). */
  tables?: Record<string, PgTable>;
  /** Absolute path of the plugin's drizzle-kit migrations folder. */
  migrations?: string;
  /** Its strings; keys should start with `<id>.`. */
  locales?: Record<Locale, Record<string, string>>;
  /** Public asset name → absolute file path; served cache-busted under /plugins/<id>/assets/. */
  assets?: Record<string, string>;
  /** New plugins start enabled (default true). Category-scoped plugins start in no category. */
  enabledByDefault?: boolean;
  setup(api: PluginApi<z.infer<S>>): void | Promise<void>;
}

/** What a plugin request handler gets as `c.get('plugin')`. */
export interface PluginRequest<Settings> {
  id: string;
  /** Settings for a category (its overrides on top of the global values) or the global ones. */
  settings(categoryId?: number | null): Promise<Settings>;
  /** Whether the plugin is on for a category (always true for a global plugin that is enabled). */
  enabledIn(categoryId: number | null | undefined): boolean;
  /** The thread the route is about (set by api.scope.thread()). */
  thread?: ScopedThread;
}

export interface ScopedThread {
  id: number;
  categoryId: number;
  authorId: number;
  title: string;
  slug: string;
  locked: boolean;
}

export type PluginEnv<Settings> = { Variables: { plugin: PluginRequest<Settings> } };

export interface PluginJobOptions {
  /** Cron expression (in the forum's time zone) for scheduled jobs. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface NotificationTypeDefinition {
  /** i18n key of the one-line text; receives the notification's data as params. */
  messageKey: string;
}

/** A transaction on the forum's database, as `api.transaction` (or `api.db.transaction`) hands it out. */
export type PluginTx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface PluginNotification {
  userId: number;
  type: string;
  /** Parameters of the type's message (also kept for the notification list). */
  data: Record<string, string | number>;
  /** Where clicking the notification leads (a same-origin path). */
  url: string;
  /** Notifications with the same key for a member are sent once (idempotent jobs). */
  dedupeKey?: string;
}

export interface AdminPageDefinition {
  /** Path under /admin/plugins/<id>/ */
  path: string;
  /** i18n key of the link text in the admin navigation. */
  titleKey: string;
  handler: (c: Context) => Response | Promise<Response>;
}

/** Everything a plugin can register: handed to its setup() function. */
export interface PluginApi<Settings> {
  readonly id: string;
  readonly db: Db;
  readonly logger: Logger;
  /** The public origin of the forum. */
  readonly origin: string;
  /** A Hono sub-app mounted at /plugins/<id>; htmx fragments are routes returning JSX. */
  readonly routes: Hono<PluginEnv<Settings>>;
  /** Route middleware that ties a request to the thread in a path parameter: 404 unless the viewer can read it
   * and the plugin is on in its category. Sets c.get('plugin').thread. */
  readonly scope: {
    thread(param?: string): MiddlewareHandler<PluginEnv<Settings>>;
    category(param?: string): MiddlewareHandler<PluginEnv<Settings>>;
  };
  filter<K extends FilterName>(name: K, handler: FilterHandler<K>, options?: { priority?: number }): void;
  action<K extends ActionName>(name: K, handler: ActionHandler<K>, options?: { priority?: number }): void;
  /**
   * `preload` (API 1.2): load, before the page renders, what the render needs for all its places at once (see SlotPreload).
   * `shared` (API 1.4): the render reads nothing of the viewer beyond what every member of their class shares
   * (language, time zone, role, trust level, groups; never their id, name, votes or RSVPs), so it is rendered
   * once into pages shared by that class (core/http/member-pages) instead of once per member.
   */
  slot<N extends SlotName>(
    name: N,
    key: string,
    render: FC<SlotProps[N] & { vc: ViewContext }>,
    options?: { priority?: number; preload?: SlotPreload<N>; shared?: boolean },
  ): void;
  /**
   * (API 1.3) A store of reads every viewer shares (e.g. flair of a page's authors), kept in memory for
   * `PAGE_CACHE_MS` and emptied with the forum's other caches: on every successful write through any instance
   * and every live event but a member's notification. Never store anything one viewer may see and another may not. The same name gives the
   * same store; concurrent misses for a key share one load.
   */
  sharedReads<V>(name: string, maxEntries?: number): SharedReads<V>;
  /** Reports and the review queue (core/moderation): make the plugin's items reportable, file reports, hold items. */
  readonly moderation: PluginModerationApi;
  /** Private conversations: e.g. marketplace "contact the seller". Blocks, sanctions and rate limits apply;
   * refusals arrive as UserError (403/429) or ValidationError. */
  readonly conversations: {
    start(input: { from: User; to: number[]; title?: string | null; raw: string }): Promise<{ conversationId: number; url: string }>;
  };
  /** Image uploads (core/uploads): the same checks as the composer — real type from the bytes, size limit, daily
   * quota, EXIF stripped, resized webp variants. Refusals arrive as UserError (400/403/413/415/429). */
  readonly uploads: {
    /** Accepts one image from a member. `purpose` is a short word (e.g. "photo"); it is stored as plugin:<id>:<purpose>. */
    accept(input: { owner: User; file: IncomingFile; purpose: string }): Promise<StoredUpload>;
    /** Uploads by id in one query. */
    byIds(ids: readonly number[]): Promise<Map<number, StoredUpload>>;
    /** The per-file size limit in bytes (UPLOAD_MAX_BYTES). */
    readonly maxBytes: number;
  };
  /** Fires an action hook (core's or a plugin's own, declared by declaration merging) for other plugins to observe. */
  emit<K extends ActionName>(name: K, payload: ActionHooks[K], ctx: HookContext): Promise<void>;
  /** Thread changes a plugin may make without a staff member present (e.g. Q&A closes a solved question). */
  readonly threads: {
    /** Locks or unlocks a thread (no new replies); a missing thread is ignored. */
    setLocked(threadId: number, locked: boolean): Promise<void>;
    /** Starts a thread as a member, exactly like the composer: category permissions, filters (`thread.beforeCreate`),
     * holds and `thread.created` all apply. Refusals: ValidationError (fields `categoryId`, `title`, `raw`, `tags`),
     * HookRejection, UserError. E.g. a marketplace listing form that collects its own fields. */
    create(input: { author: User; categoryId: number; title: string; raw: string; tags?: string[]; form?: Readonly<Record<string, string | string[]>> }): Promise<{ thread: Thread; post: Post; url: string }>;
  };
  adminPage(page: AdminPageDefinition): void;
  job<T extends object>(name: string, handler: (data: T) => Promise<void>, options?: PluginJobOptions): void;
  /** Queues a job by this plugin. Handlers must be idempotent (a job can run twice after a crash); `singletonKey`
   * only narrows duplicates, it is no guarantee. */
  enqueue<T extends object>(name: string, data: T, options?: { startAfter?: Date; singletonKey?: string }): Promise<void>;
  notificationType(name: string, definition: NotificationTypeDefinition): void;
  /**
   * Sends an in-app notification of one of this plugin's types (name as given to notificationType). With `tx` it
   * is written in that transaction, so it exists exactly when the rest of the transaction's work does (a job
   * killed half-way and retried neither loses nor repeats it); open pages hear of it once a transaction begun
   * with `api.transaction` commits.
   */
  notify(input: PluginNotification, options?: { tx?: PluginTx }): Promise<void>;
  /** Runs `work` in a transaction on the forum's database; notifications sent in it with `{ tx }` are announced
   * to open pages after the commit (never for a rollback). */
  transaction<T>(work: (tx: PluginTx) => Promise<T>): Promise<T>;
  settings(categoryId?: number | null): Promise<Settings>;
  enabledIn(categoryId: number | null | undefined): boolean;
  /** URL of one of the plugin's declared assets (cache-busted). */
  assetUrl(name: string): string;
  /** Figures and panels on /admin/analytics (shown while the plugin is active). */
  readonly analytics: AnalyticsApi;
  /** Searchable document types with their filters, and the documents themselves (see docs/plugins.md, Search). */
  readonly search: SearchApi;
  /** The forum-wide settings a plugin may read, e.g. the time zone that defines "today" for hooks and jobs. */
  site(): Promise<PluginSiteInfo>;
  /** Email to members through core's mail queue (delivered by the mail.send job, kept in the outbox without SMTP). */
  readonly mail: {
    /** Queues one mail to a member's address. The same dedupeKey is stored and sent once, however often this is
     * called (idempotent jobs): `queued` is false for a repeat and for an unknown member. A member who
     * unsubscribed from all mail gets nothing (checked when it goes out). */
    send(input: PluginMail): Promise<{ queued: boolean }>;
  };
}

export interface PluginMail {
  userId: number;
  subject: string;
  text: string;
  /** Complete, already escaped HTML body. */
  html: string;
  /** Scoped to the plugin: `<pluginId>:<dedupeKey>`. */
  dedupeKey?: string;
}

export type ReportReason = 'spam' | 'abuse' | 'illegal' | 'offtopic' | 'other';

/** What the review queue shows about a plugin's item. */
export interface ReportableItem {
  title: string;
  /** Same-origin path to the item. */
  url: string;
  /** Who posted it: sanctions from the queue target this member. */
  authorId: number | null;
  /** Plain text, the start of the content. */
  excerpt?: string;
  /** Currently hidden pending review. */
  hidden?: boolean;
}

export interface ReportableDefinition {
  /** Batch look-up: the items that still exist (missing ids count as gone). */
  describe(ids: number[]): Promise<Map<number, ReportableItem>>;
  /** Whether a member can see the item (reports never reveal hidden things); default: yes. */
  visibleTo?(viewer: User, id: number): Promise<boolean>;
  /** Trusted reports reached the threshold, or hold() was called: hide the item pending review. */
  hide?(id: number): Promise<void>;
  /** Staff approved the item: show it again. */
  approve?(id: number, by: User): Promise<void>;
  /** Staff removed the item. */
  remove?(id: number, by: User): Promise<void>;
}

export interface PluginModerationApi {
  /** Registers a reportable kind, as `<pluginId>.<name>`. */
  reportable(name: string, definition: ReportableDefinition): void;
  /** Files a member's report (one open report per member and item). */
  report(input: { type: string; id: number; reporter: User; reason: ReportReason; text?: string }): Promise<{ reportId: number; hidden: boolean }>;
  /** Sends an item to the review queue without a member report (the plugin's own automatic rule); hides it. */
  hold(input: { type: string; id: number; reason: string }): Promise<void>;
  /** Core's report form for an item: link to it from the item's page. */
  reportUrl(type: string, id: number): string;
}

export interface PluginSiteInfo {
  forumName: string;
  /** IANA zone of the forum (site settings); calendar days and weeks are counted in it. */
  timeZone: string;
  defaultLocale: Locale;
}
