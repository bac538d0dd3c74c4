import { and, asc, count, countDistinct, eq, isNull, min, or, sql, sum } from 'drizzle-orm';
import { UserError } from '../../http/errors.tsx';
import { moderationReports } from '../schema.ts';
import { logModerationAction } from './log.ts';
import type { InternalQueueSource, QueueAction, QueueEntry } from './queue-types.ts';
import { reportableOf } from './reportables.ts';
import { resolveReports, type ReportOutcome } from './reports.ts';

const open = isNull(moderationReports.resolvedAt);

function parseKey(key: string): { type: string; id: number } {
  const i = key.lastIndexOf(':');
  const type = key.slice(0, i);
  const id = Number(key.slice(i + 1));
  if (i <= 0 || !Number.isSafeInteger(id) || id <= 0) throw new UserError(404, 'error.404.body');
  return { type, id };
}

/** Reported posts, threads, profiles and plugin items: one entry per item, with every open report's reason. */
export const reportSource: InternalQueueSource = {
  id: 'reports',
  labelKey: 'moderation.queue.source.reports',
  async count({ db }) {
    const [row] = await db
      .select({ n: countDistinct(sql`(${moderationReports.targetType}, ${moderationReports.targetId})`) })
      .from(moderationReports)
      .where(open);
    return Number(row?.n ?? 0);
  },
  async list(deps, { limit }) {
    const { db } = deps;
    const groups = await db
      .select({ type: moderationReports.targetType, id: moderationReports.targetId, first: min(moderationReports.createdAt), n: count(), weight: sum(moderationReports.weight) })
      .from(moderationReports)
      .where(open)
      .groupBy(moderationReports.targetType, moderationReports.targetId)
      .orderBy(asc(min(moderationReports.createdAt)))
      .limit(limit);
    if (groups.length === 0) return [];
    const reports = await db
      .select()
      .from(moderationReports)
      .where(and(open, or(...groups.map((g) => and(eq(moderationReports.targetType, g.type), eq(moderationReports.targetId, g.id))))))
      .orderBy(asc(moderationReports.createdAt));
    const byType = new Map<string, number[]>();
    for (const g of groups) byType.set(g.type, [...(byType.get(g.type) ?? []), g.id]);
    const described = new Map<string, Awaited<ReturnType<NonNullable<ReturnType<typeof reportableOf>>['describe']>>>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const reportable = reportableOf(type);
        described.set(type, reportable ? await reportable.describe(deps, ids) : new Map());
      }),
    );
    return groups.map((g): QueueEntry => {
      const item = described.get(g.type)?.get(g.id);
      const reportable = reportableOf(g.type);
      const actions: QueueAction[] = reportable?.remove && item ? ['approve', 'reject', 'dismiss'] : ['dismiss'];
      return {
        source: 'reports',
        key: `${g.type}:${g.id}`,
        title: item?.title ?? `${g.type} #${g.id}`,
        url: item?.url ?? null,
        body: item?.excerpt ?? '',
        createdAt: g.first ?? new Date(),
        authorId: item?.authorId ?? null,
        reasons: reports.filter((r) => r.targetType === g.type && r.targetId === g.id).map((r) => ({ reason: r.reason, text: r.text, reporterId: r.reporterId })),
        hidden: item?.hidden ?? false,
        meta: [],
        actions,
        editUrl: g.type === 'post' ? `/p/${g.id}/edit` : undefined,
      };
    });
  },
  async act(deps, { key, action, by, note }) {
    const { type, id } = parseKey(key);
    const reportable = reportableOf(type);
    const item = reportable ? (await reportable.describe(deps, [id])).get(id) : undefined;
    const title = item?.title ?? `${type} #${id}`;
    let outcome: ReportOutcome;
    if (action === 'reject') {
      if (!reportable?.remove || !item) throw new UserError(400, 'moderation.queue.gone');
      await reportable.remove(deps, id, by);
      outcome = 'removed';
    } else {
      // keeping the item, or deciding the reports were wrong: either way it is shown again
      if (item?.hidden && reportable?.approve) await reportable.approve(deps, id, by);
      outcome = action === 'approve' ? 'kept' : 'dismissed';
    }
    const closed = await resolveReports(deps.db, { type, id, by, outcome, title });
    await logModerationAction(deps.db, {
      actorId: by.id,
      action: `${type}.${action === 'reject' ? 'remove' : action}`,
      targetType: type,
      targetId: id,
      targetUserId: item?.authorId ?? null,
      reason: note,
      before: { hidden: item?.hidden ?? false, reports: closed.map((r) => ({ id: r.id, reason: r.reason, reporterId: r.reporterId })) },
      after: { outcome },
    });
    return { title };
  },
};

