import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { threads, type User } from '../../../core/plugins/api.ts';
import { eventsEvents, eventsRsvps } from '../schema.ts';
import type { EventsApi } from '../settings.ts';

/**
 * An organiser marks (or unmarks) a member who replied as attended. `events.attended` fires once per
 * member and event: only when the mark is new, not when it is set again.
 */
export async function markAttendance(api: EventsApi, input: { eventId: number; userId: number; attended: boolean; by: User; now?: Date }): Promise<boolean> {
  const { eventId, userId, attended, by } = input;
  const match = and(eq(eventsRsvps.eventId, eventId), eq(eventsRsvps.userId, userId));
  if (!attended) {
    const rows = await api.db
      .update(eventsRsvps)
      .set({ attendedAt: null, attendanceMarkedById: by.id })
      .where(and(match, isNotNull(eventsRsvps.attendedAt)))
      .returning({ userId: eventsRsvps.userId });
    return rows.length > 0;
  }
  const rows = await api.db
    .update(eventsRsvps)
    .set({ attendedAt: input.now ?? new Date(), attendanceMarkedById: by.id })
    .where(and(match, isNull(eventsRsvps.attendedAt)))
    .returning({ userId: eventsRsvps.userId });
  if (rows.length === 0) return false;
  const [row] = await api.db
    .select({ thread: threads })
    .from(eventsEvents)
    .innerJoin(threads, eq(threads.id, eventsEvents.threadId))
    .where(eq(eventsEvents.id, eventId));
  if (row) await api.emit('events.attended', { thread: row.thread, userId, markedBy: by }, { user: by, categoryId: row.thread.categoryId });
  return true;
}
