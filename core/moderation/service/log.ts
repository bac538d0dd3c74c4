import { and, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { moderationLog, type ModerationLogEntry } from '../schema.ts';
import type { Cursor } from '../../forum/service/cursor.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ModerationAction {
  /** The staff member acting; null for automatic actions. */
  actorId: number | null;
  /** Dotted verb, e.g. 'user.silence', 'post.approve', 'thread.move', 'group.create'. */
  action: string;
  targetType: string;
  targetId?: number | null;
  targetUserId?: number | null;
  reason?: string;
  before?: JsonValue | Record<string, unknown> | null;
  after?: JsonValue | Record<string, unknown> | null;
}

/** Appends one row to the moderation log. The log has no update or delete path anywhere. */
export async function logModerationAction(db: DbOrTx, entry: ModerationAction): Promise<ModerationLogEntry> {
  const [row] = await db
    .insert(moderationLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      targetUserId: entry.targetUserId ?? null,
      reason: (entry.reason ?? '').slice(0, 2000),
      before: toJson(entry.before),
      after: toJson(entry.after),
      // milliseconds only: the page's keyset cursor travels through URLs as a JavaScript date
      createdAt: new Date(),
    })
    .returning();
  return row!;
}

/** Dates become ISO strings, undefined fields disappear: what is stored is what the page shows. */
function toJson(value: unknown): JsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

export interface LogFilter {
  actorId?: number;
  targetUserId?: number;
  /** An action prefix: 'user.' or exactly 'user.silence'. */
  action?: string;
  /** Free text searched in the reason and the before/after values. */
  q?: string;
  before?: Cursor | null;
  limit?: number;
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listModerationLog(db: DbOrTx, filter: LogFilter): Promise<{ rows: ModerationLogEntry[]; next: Cursor | null }> {
  const limit = filter.limit ?? 50;
  const conditions: SQL[] = [];
  if (filter.actorId) conditions.push(eq(moderationLog.actorId, filter.actorId));
  if (filter.targetUserId) conditions.push(eq(moderationLog.targetUserId, filter.targetUserId));
  if (filter.action) {
    const escaped = filter.action.replace(/[\\%_]/g, (m) => `\\${m}`);
    conditions.push(filter.action.endsWith('.') ? ilike(moderationLog.action, `${escaped}%`) : eq(moderationLog.action, filter.action));
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      or(
        ilike(moderationLog.reason, pattern),
        ilike(moderationLog.action, pattern),
        sql`${moderationLog.before}::text ilike ${pattern}`,
        sql`${moderationLog.after}::text ilike ${pattern}`,
      )!,
    );
  }
  if (filter.before) {
    conditions.push(
      or(lt(moderationLog.createdAt, filter.before.at), and(eq(moderationLog.createdAt, filter.before.at), lt(moderationLog.id, filter.before.id)))!,
    );
  }
  const rows = await db
    .select()
    .from(moderationLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? { at: last.createdAt, id: last.id } : null };
}
