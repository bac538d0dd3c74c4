import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { FC } from 'hono/jsx';
import { categories, threads } from '../forum/schema.ts';
import { createThread, readableThreadContext, threadPath } from '../forum/index.ts';
import { canReadCategory } from '../forum/permissions.ts';
import { UserError } from '../http/errors.tsx';
import { safeRedirectPath } from '../http/redirect.ts';
import { notify } from '../notifications/service.ts';
import { emitNotified } from '../notifications/index.ts';
import { users } from '../accounts/schema.ts';
import { queueMail } from '../mail/index.ts';
import { enforceStartLimits, startConversation } from '../conversations/index.ts';
import { PluginError } from './errors.ts';
import { createModerationApi } from '../moderation/plugin-api.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { getAsset, registerAsset } from '../ui/assets.ts';
import { getSiteSettings } from '../site/settings.ts';
import type { ViewContext } from '../ui/view-context.ts';
import type { ActionHandler, ActionName, FilterHandler, FilterName } from './hooks.ts';
import type { PluginHost, PluginHostDeps } from './host.ts';
import type { AdminPageDefinition, NotificationTypeDefinition, PluginApi, PluginDefinition, PluginEnv, PluginTx } from './manifest.ts';
import type { SlotName, SlotPreload, SlotProps } from './slots.tsx';
import { createAnalyticsApi, type AnalyticsRegistrations } from '../analytics/plugin-types.ts';
import { createSearchApi } from '../search/plugin-types.ts';
import { acceptUpload, uploadsByIds } from '../uploads/index.ts';
import { SharedReads, sharedReadsFor } from '../cache/shared-reads.ts';

export interface StagedRegistrations {
  filters: { name: FilterName; handler: FilterHandler<FilterName>; priority?: number }[];
  actions: { name: ActionName; handler: ActionHandler<ActionName>; priority?: number }[];
  slots: { name: SlotName; key: string; render: FC<SlotProps[SlotName] & { vc: ViewContext }>; priority: number; preload?: SlotPreload<SlotName>; shared?: boolean }[];
  adminPages: AdminPageDefinition[];
  jobs: JobDefinition[];
  notificationTypes: Map<string, NotificationTypeDefinition>;
  analytics: AnalyticsRegistrations;
}

const parent = alias(categories, 'parent_category');

/** Members notified inside a transaction begun with api.transaction: announced once it commits. */
const announceAfterCommit = new WeakMap<PluginTx, number[]>();

/** Builds the object a plugin's setup() receives; registrations are staged until setup succeeds. */
export function createPluginApi(
  definition: PluginDefinition,
  host: PluginHost,
  staged: StagedRegistrations,
  routes: Hono<PluginEnv<unknown>>,
  deps: PluginHostDeps,
): PluginApi<unknown> {
  const id = definition.id;
  const db = deps.database.db;
  const queue = (name: string) => `${id}.${name}`;
  for (const [name, file] of Object.entries(definition.assets ?? {})) registerAsset(`${id}/${name}`, file);

  const threadScope = (param = 'threadId'): MiddlewareHandler<PluginEnv<unknown>> =>
    async function pluginThreadScope(c, next) {
      const viewer = (c as unknown as Context).var.user;
      const row = await readableThreadContext(db, viewer, Number(c.req.param(param)));
      // plugin content hangs off live threads only, even for staff who may see deleted ones
      if (!row || row.thread.deletedAt || !host.isActive(id, row.category.id)) throw new UserError(404, 'error.404.body');
      const { thread } = row;
      c.get('plugin').thread = {
        id: thread.id,
        categoryId: thread.categoryId,
        authorId: thread.authorId,
        title: thread.title,
        slug: thread.slug,
        locked: thread.locked,
      };
      await next();
    };

  const categoryScope = (param = 'categoryId'): MiddlewareHandler<PluginEnv<unknown>> =>
    async function pluginCategoryScope(c, next) {
      const categoryId = Number(c.req.param(param));
      const [row] = Number.isSafeInteger(categoryId)
        ? await db
            .select({ category: categories, parent })
            .from(categories)
            .leftJoin(parent, eq(categories.parentId, parent.id))
            .where(eq(categories.id, categoryId))
            .limit(1)
        : [];
      const viewer = (c as unknown as Context).var.user;
      if (!row || !canReadCategory(viewer, row.category, row.parent) || !host.isActive(id, categoryId)) {
        throw new UserError(404, 'error.404.body');
      }
      await next();
    };

  return {
    id,
    db,
    logger: deps.logger.child({ plugin: id }),
    origin: deps.origin,
    routes,
    scope: { thread: threadScope, category: categoryScope },
    filter(name, handler, options) {
      staged.filters.push({ name, handler: handler as unknown as FilterHandler<FilterName>, priority: options?.priority });
    },
    action(name, handler, options) {
      staged.actions.push({ name, handler: handler as unknown as ActionHandler<ActionName>, priority: options?.priority });
    },
    slot(name, key, render, options) {
      const clash = staged.slots.find((s) => s.name === name && s.key === key);
      if (clash) throw new PluginError('PLUGIN_DUPLICATE_SLOT_KEY', id, { key, slot: name, owner: id });
      staged.slots.push({ name, key, render: render as never, priority: options?.priority ?? 100, preload: options?.preload as never, shared: options?.shared });
    },
    sharedReads<V>(name: string, maxEntries = 500) {
      // without the forum's caches (tools, some tests) nothing is kept: every read loads
      return deps.caches
        ? sharedReadsFor<V>(deps.caches, `plugin:${id}:${name}`, maxEntries)
        : new SharedReads<V>({ ttlMs: 0, maxEntries });
    },
    moderation: createModerationApi(id, { db, hooks: deps.runtime.hooks }),
    conversations: {
      async start(input) {
        const { conversation } = await startConversation(db, input, { beforeWrite: () => enforceStartLimits(deps.database, input.from) });
        return { conversationId: conversation.id, url: `/messages/${conversation.id}` };
      },
    },
    uploads: {
      accept: ({ owner, file, purpose }) => acceptUpload(deps.uploads, { owner, file, purpose: `plugin:${id}:${purpose}` }),
      byIds: (ids) => uploadsByIds(db, ids),
      maxBytes: deps.uploads.limits.maxBytes,
    },
    emit: (name, payload, ctx) => deps.runtime.hooks.action(name, payload, ctx),
    threads: {
      async setLocked(threadId, locked) {
        await db.update(threads).set({ locked }).where(eq(threads.id, threadId));
      },
      async create({ author, categoryId, title, raw, tags = [], form }) {
        const { restrictTags } = await getSiteSettings(db);
        const { thread, post } = await createThread(
          { db, hooks: deps.runtime.hooks, user: author, form, restrictTags },
          { categoryId, title, raw, tags: tags.join(', ') },
        );
        return { thread, post, url: threadPath(thread) };
      },
    },
    adminPage(page) {
      staged.adminPages.push(page);
    },
    job(name, handler, options = {}) {
      staged.jobs.push({ name: queue(name), handler: handler as (data: object) => Promise<void>, ...options });
    },
    async enqueue(name, data, options) {
      await deps.jobs.send(queue(name), data, options);
    },
    notificationType(name, definition) {
      staged.notificationTypes.set(`${id}.${name}`, definition);
    },
    async notify(input, options = {}) {
      const type = `${id}.${input.type}`;
      if (!host.get(id)?.notificationTypes.has(type)) throw new Error(`${id} notifies with unregistered type ${input.type}`);
      const notification = { ...input, type, url: safeRedirectPath(input.url), dedupeKey: input.dedupeKey ? `${type}:${input.dedupeKey}` : undefined };
      const deferred = options.tx ? announceAfterCommit.get(options.tx) : undefined;
      await notify(options.tx ?? db, notification, { announce: !deferred });
      deferred?.push(input.userId);
    },
    async transaction(work) {
      const notified: number[] = [];
      const result = await db.transaction((tx) => {
        announceAfterCommit.set(tx, notified);
        return work(tx);
      });
      if (notified.length) emitNotified(notified);
      return result;
    },
    settings: (categoryId) => host.settingsFor(id, categoryId),
    enabledIn: (categoryId) => host.isActive(id, categoryId),
    assetUrl: (name) => `/plugins/${id}/assets/${getAsset(`${id}/${name}`)?.hash ?? 'missing'}/${name}`,
    analytics: createAnalyticsApi(id, staged.analytics),
    search: createSearchApi(id, host, db),
    mail: {
      async send(input) {
        const [member] = await db.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).limit(1);
        if (!member) return { queued: false };
        const stored = await queueMail(db, deps.jobs, {
          to: member.email,
          subject: input.subject,
          text: input.text,
          html: input.html,
          kind: `plugin:${id}`,
          dedupeKey: input.dedupeKey ? `${id}:${input.dedupeKey}` : undefined,
          userId: input.userId,
          purpose: 'all',
        });
        return { queued: stored.created };
      },
    },
    async site() {
      const { forumName, timeZone, defaultLocale } = await getSiteSettings(db);
      return { forumName, timeZone, defaultLocale };
    },
  };
}
