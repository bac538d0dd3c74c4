import { and, asc, count, countDistinct, eq, gt, inArray, isNull, min, or } from 'drizzle-orm';
import { conversationMessages, conversationReports } from '../../conversations/schema.ts';
import { UserError } from '../../http/errors.tsx';
import { excerpt } from '../../markdown/index.ts';
import { notifyMany } from '../../notifications/index.ts';
import { moderationMessageReviews } from '../schema.ts';
import { logModerationAction } from './log.ts';
import type { InternalQueueSource, QueueEntry } from './queue-types.ts';

/** A private-message report is open until staff review the message; newer reports open it again. */
const openReport = or(isNull(moderationMessageReviews.messageId), gt(conversationReports.createdAt, moderationMessageReviews.reviewedAt));

/**
 * Reported private messages, from the conversations domain's own reports (they are what lets staff open
 * the conversation); this queue only records that staff looked at them.
 */
export const messageReportSource: InternalQueueSource = {
  id: 'messages',
  labelKey: 'moderation.queue.source.messages',
  async count({ db }) {
    const [row] = await db
      .select({ n: countDistinct(conversationReports.messageId) })
      .from(conversationReports)
      .leftJoin(moderationMessageReviews, eq(moderationMessageReviews.messageId, conversationReports.messageId))
      .where(openReport);
    return Number(row?.n ?? 0);
  },
  async list({ db }, { limit }) {
    const groups = await db
      .select({
        messageId: conversationReports.messageId,
        conversationId: conversationReports.conversationId,
        first: min(conversationReports.createdAt),
        n: count(),
      })
      .from(conversationReports)
      .leftJoin(moderationMessageReviews, eq(moderationMessageReviews.messageId, conversationReports.messageId))
      .where(openReport)
      .groupBy(conversationReports.messageId, conversationReports.conversationId)
      .orderBy(asc(min(conversationReports.createdAt)))
      .limit(limit);
    if (groups.length === 0) return [];
    const ids = groups.map((g) => g.messageId);
    const [messages, reports] = await Promise.all([
      db.select().from(conversationMessages).where(inArray(conversationMessages.id, ids)),
      db
        .select({ report: conversationReports })
        .from(conversationReports)
        .leftJoin(moderationMessageReviews, eq(moderationMessageReviews.messageId, conversationReports.messageId))
        .where(and(inArray(conversationReports.messageId, ids), openReport)),
    ]);
    const byId = new Map(messages.map((m) => [m.id, m]));
    return groups.map((g): QueueEntry => {
      const message = byId.get(g.messageId);
      return {
        source: 'messages',
        key: String(g.messageId),
        title: `#${g.conversationId}`,
        url: `/messages/${g.conversationId}#message-${g.messageId}`,
        body: message ? excerpt(message.raw, 400) : '',
        createdAt: g.first ?? new Date(),
        authorId: message?.authorId ?? null,
        reasons: reports.filter((r) => r.report.messageId === g.messageId).map((r) => ({ reason: 'other', text: r.report.reason, reporterId: r.report.reporterId })),
        meta: [],
        actions: ['dismiss'],
      };
    });
  },
  async act(deps, { key, action, by, note }) {
    const messageId = Number(key);
    if (!Number.isSafeInteger(messageId) || action === 'reject') throw new UserError(400, 'error.400.body');
    const reports = await deps.db
      .select({ report: conversationReports })
      .from(conversationReports)
      .leftJoin(moderationMessageReviews, eq(moderationMessageReviews.messageId, conversationReports.messageId))
      .where(and(eq(conversationReports.messageId, messageId), openReport));
    if (reports.length === 0) throw new UserError(404, 'moderation.queue.gone');
    const [message] = await deps.db.select().from(conversationMessages).where(eq(conversationMessages.id, messageId)).limit(1);
    const outcome = action === 'approve' ? 'kept' : 'dismissed';
    await deps.db
      .insert(moderationMessageReviews)
      .values({ messageId, reviewedAt: new Date(), reviewedById: by.id, outcome })
      .onConflictDoUpdate({ target: moderationMessageReviews.messageId, set: { reviewedAt: new Date(), reviewedById: by.id, outcome } });
    const title = `#${reports[0]!.report.conversationId}`;
    await logModerationAction(deps.db, {
      actorId: by.id,
      action: `message.${action}`,
      targetType: 'message',
      targetId: messageId,
      targetUserId: message?.authorId ?? null,
      reason: note,
      before: { reports: reports.map((r) => ({ id: r.report.id, reporterId: r.report.reporterId })) },
      after: { outcome },
    });
    await notifyMany(
      deps.db,
      reports.map((r) => ({
        userId: r.report.reporterId,
        type: 'moderationReportKept',
        data: { title },
        url: '/notifications',
        dedupeKey: `message-report-outcome:${r.report.id}:${Date.now()}`,
      })),
    );
    return { title };
  },
};
