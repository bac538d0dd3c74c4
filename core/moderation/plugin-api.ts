import type { Db } from '../db/index.ts';
import { UserError } from '../http/errors.tsx';
import type { HookBus } from '../plugins/hooks.ts';
import type { PluginModerationApi } from '../plugins/manifest.ts';
import { moderationReports } from './schema.ts';
import { logModerationAction } from './service/log.ts';
import { registerReportable, reportableOf } from './service/reportables.ts';
import { fileReport } from './service/reports.ts';

/** `api.moderation` for one plugin: its items are reportable as `<pluginId>.<name>`. */
export function createModerationApi(pluginId: string, deps: { db: Db; hooks: HookBus }): PluginModerationApi {
  const qualified = (name: string) => (name.startsWith(`${pluginId}.`) ? name : `${pluginId}.${name}`);
  return {
    reportable(name, definition) {
      registerReportable(qualified(name), {
        describe: (_ctx, ids) => definition.describe(ids),
        visibleTo: definition.visibleTo ? (_ctx, viewer, id) => definition.visibleTo!(viewer, id) : undefined,
        hide: definition.hide ? (_ctx, id) => definition.hide!(id) : undefined,
        approve: definition.approve ? (_ctx, id, by) => definition.approve!(id, by) : undefined,
        remove: definition.remove ? (_ctx, id, by) => definition.remove!(id, by) : undefined,
      });
    },
    async report(input) {
      const { report, hidden } = await fileReport(deps, { ...input, type: qualified(input.type) });
      return { reportId: report.id, hidden };
    },
    async hold(input) {
      const type = qualified(input.type);
      const reportable = reportableOf(type);
      const item = reportable ? (await reportable.describe(deps, [input.id])).get(input.id) : undefined;
      if (!reportable || !item) throw new UserError(404, 'error.404.body');
      await deps.db.insert(moderationReports).values({
        targetType: type,
        targetId: input.id,
        targetUserId: item.authorId,
        reporterId: null,
        reason: 'other',
        text: input.reason.slice(0, 1000),
        weight: 0,
        createdAt: new Date(),
      });
      if (reportable.hide && !item.hidden) await reportable.hide(deps, input.id);
      await logModerationAction(deps.db, { actorId: null, action: `${type}.hold`, targetType: type, targetId: input.id, targetUserId: item.authorId, reason: input.reason });
    },
    reportUrl: (type, id) => `/report/${qualified(type)}/${id}`,
  };
}
