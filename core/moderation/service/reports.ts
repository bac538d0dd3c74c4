import { and, eq, isNull, sum } from 'drizzle-orm';
import { z } from 'zod';
import type { User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { canAct } from '../../forum/permissions.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { notifyMany, notifyStaff } from '../../notifications/index.ts';
import type { HookBus } from '../../plugins/hooks.ts';
import { moderationReports, reportReasonEnum, type ModerationReport, type ReportReason } from '../schema.ts';
import { logModerationAction } from './log.ts';
import { reportableOf } from './reportables.ts';
import { ruleConfigFor } from './settings.ts';
import { reportWeight } from './weight.ts';

export const reportInputSchema = z
  .object({
    reason: z.enum(reportReasonEnum.enumValues, { error: 'moderation.report.reason.required' }),
    text: z.string().trim().max(1000, 'moderation.report.text.long').default(''),
  })
  .refine((v) => v.reason !== 'other' || v.text.length > 0, { path: ['text'], message: 'moderation.report.text.required' });

export interface FileReportInput {
  reporter: User;
  type: string;
  id: number;
  reason: ReportReason | string;
  text?: string;
}

/**
 * A member reports something. One open report per member and item; when the open reports' weights reach
 * the threshold, the item is hidden pending review (automatically, logged without an actor).
 */
export async function fileReport(deps: { db: Db; hooks: HookBus }, input: FileReportInput): Promise<{ report: ModerationReport; hidden: boolean }> {
  const { db } = deps;
  const { reporter } = input;
  if (!canAct(reporter)) throw new UserError(403, 'moderation.report.sanctioned');
  const reportable = reportableOf(input.type);
  if (!reportable || !Number.isSafeInteger(input.id) || input.id <= 0) throw new UserError(404, 'error.404.body');
  const data = parseOrThrow(reportInputSchema, { reason: input.reason, text: input.text ?? '' });
  const ctx = { db, hooks: deps.hooks };
  if (reportable.visibleTo && !(await reportable.visibleTo(ctx, reporter, input.id))) throw new UserError(404, 'error.404.body');
  const item = (await reportable.describe(ctx, [input.id])).get(input.id);
  if (!item) throw new UserError(404, 'error.404.body');
  if (item.authorId === reporter.id) throw new UserError(400, 'moderation.report.own');

  const [report] = await db
    .insert(moderationReports)
    .values({
      targetType: input.type,
      targetId: input.id,
      targetUserId: item.authorId,
      reporterId: reporter.id,
      reason: data.reason,
      text: data.text,
      weight: reportWeight(reporter),
      createdAt: new Date(),
    })
    .onConflictDoNothing()
    .returning();
  if (!report) throw new UserError(400, 'moderation.report.already');

  let hidden = false;
  const config = await ruleConfigFor(db);
  if (reportable.hide && !item.hidden && config.reportHideThreshold > 0) {
    const [row] = await db
      .select({ total: sum(moderationReports.weight) })
      .from(moderationReports)
      .where(and(eq(moderationReports.targetType, input.type), eq(moderationReports.targetId, input.id), isNull(moderationReports.resolvedAt)));
    if (Number(row?.total ?? 0) >= config.reportHideThreshold) {
      await reportable.hide(ctx, input.id);
      hidden = true;
      await logModerationAction(db, {
        actorId: null,
        action: `${input.type}.hide`,
        targetType: input.type,
        targetId: input.id,
        targetUserId: item.authorId,
        reason: 'moderation.hold.reports',
        after: { reports: Number(row?.total ?? 0), threshold: config.reportHideThreshold },
      });
    }
  }
  await tellStaff(db, reporter, item.title, report);
  return { report, hidden };
}

/** Staff hear of the first open report of an item, not of every one. */
async function tellStaff(db: Db, reporter: User, title: string, report: ModerationReport): Promise<void> {
  await notifyStaff(db, reporter.id, {
    type: 'moderationReport',
    data: { title: title.slice(0, 120) },
    url: '/review',
    dedupeKey: `report:${report.targetType}:${report.targetId}:${report.createdAt.toISOString().slice(0, 13)}`,
  });
}

export type ReportOutcome = 'kept' | 'removed' | 'dismissed';

/** Closes every open report of an item and tells each reporter what happened. */
export async function resolveReports(
  db: Db,
  input: { type: string; id: number; by: User; outcome: ReportOutcome; title: string },
): Promise<ModerationReport[]> {
  const closed = await db
    .update(moderationReports)
    .set({ resolvedAt: new Date(), resolvedById: input.by.id, outcome: input.outcome })
    .where(and(eq(moderationReports.targetType, input.type), eq(moderationReports.targetId, input.id), isNull(moderationReports.resolvedAt)))
    .returning();
  await notifyMany(
    db,
    closed.flatMap((r) => (r.reporterId === null ? [] : [r])).map((r) => ({
      userId: r.reporterId!,
      type: input.outcome === 'removed' ? 'moderationReportRemoved' : 'moderationReportKept',
      data: { title: input.title.slice(0, 120) },
      url: '/notifications',
      dedupeKey: `report-outcome:${r.id}`,
    })),
  );
  return closed;
}
