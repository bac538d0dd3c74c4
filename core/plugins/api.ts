/**
 * The public plugin API: the only core module a plugin imports. Everything here is covered by
 * CORE_API_VERSION; a breaking change bumps its major version and plugins declare the range they support.
 */
import type { SettingsSchema, PluginDefinition } from './manifest.ts';

export { CORE_API_VERSION } from './host.ts';
export { PluginError, pluginErrorCodes, type PluginErrorCode } from './errors.ts';
export type {
  PluginDefinition,
  PluginApi,
  PluginEnv,
  PluginRequest,
  PluginScope,
  ScopedThread,
  PluginJobOptions,
  AdminPageDefinition,
  NotificationTypeDefinition,
  SettingsSchema,
  PluginSiteInfo,
  PluginMail,
  PluginModerationApi,
  ReportableDefinition,
  ReportableItem,
  ReportReason,
  PluginTx,
} from './manifest.ts';
export {
  HookRejection,
  type FilterHooks,
  type ActionHooks,
  type FilterName,
  type ActionName,
  type HookContext,
  type HoldRequest,
} from './hooks.ts';
export { Slot, perView, type SlotPreload, type SlotProps, type SlotName } from './slots.tsx';
export type { SharedReads } from '../cache/shared-reads.ts';
export type { IncomingFile, StoredUpload } from '../uploads/index.ts';
export type { AnalyticsRange, AnalyticsFormat, AnalyticsMetricDefinition, AnalyticsPanelDefinition } from '../analytics/plugin-types.ts';
export type {
  SearchApi,
  SearchTypeDefinition,
  SearchFacetDefinition,
  SearchFacetKind,
  PluginSearchDocument,
  SearchWriteOptions,
} from '../search/plugin-types.ts';

// What plugin views and routes build with.
export { renderPage, renderPartOrPage } from '../ui/page.tsx';
export { viewContext, isStaff, type ViewContext } from '../ui/view-context.ts';
export { CsrfField, Field, FormError } from '../ui/form.tsx';
export { UserError } from '../http/errors.tsx';
export { ValidationError, parseOrThrow, formStrings, formValues, type FieldErrors } from '../http/validation.ts';
export { safeRedirectPath } from '../http/redirect.ts';
export { defineMessages } from '../i18n/index.ts';
export type { Translator, Locale } from '../i18n/index.ts';
export { canReadCategory, canReply, canStartThread, isStaffViewer, canAct, type Viewer } from '../forum/permissions.ts';
/** SQL predicates for what members and guests may see: use them in every plugin query that lists forum content. */
export { publicThread, listedThread, publicPost } from '../forum/service/visibility.ts';

// Core tables a plugin may reference (foreign keys, joins). Read them; write only through hooks and services.
export { users, threads, posts, categories } from '../db/schema.ts';
export type { User } from '../accounts/schema.ts';
export type { Thread, Post, Category } from '../forum/schema.ts';
export type { Db } from '../db/index.ts';
export { prepared } from '../db/prepared.ts';

/** Declares a plugin. The identity function exists for its types: settings flow into setup(). */
export function definePlugin<S extends SettingsSchema>(definition: PluginDefinition<S>): PluginDefinition<S> {
  return definition;
}
