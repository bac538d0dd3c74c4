import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../core/plugins/api.ts';
import { eventsEvents, eventsRsvps } from '../schema.ts';

export interface ParticipationStats {
  /** Events starting in the range. */
  events: number;
  /** Members who replied "going" (incl. promoted from the waitlist) or "interested", to those events. */
  rsvps: number;
  going: number;
  waitlisted: number;
  attended: number;
  /** Going to an event that has ended, without being marked attended. */
  noShows: number;
}

/**
 * Participation for events starting in [start, end), optionally in one category: one indexed query.
 * Analytics reads it; organisers' figures come from the same table (events_rsvps).
 */
export async function participationStats(db: Db, range: { start: Date; end: Date; categoryId?: number | null; now?: Date }): Promise<ParticipationStats> {
  const now = (range.now ?? new Date()).toISOString();
  const [row] = await db
    .select({
      events: sql<number>`count(distinct ${eventsEvents.id})::int`,
      rsvps: sql<number>`count(${eventsRsvps.userId}) filter (where ${eventsRsvps.status} in ('going', 'interested', 'waitlisted'))::int`,
      going: sql<number>`count(${eventsRsvps.userId}) filter (where ${eventsRsvps.status} = 'going')::int`,
      waitlisted: sql<number>`count(${eventsRsvps.userId}) filter (where ${eventsRsvps.status} = 'waitlisted')::int`,
      attended: sql<number>`count(${eventsRsvps.attendedAt})::int`,
      noShows: sql<number>`count(${eventsRsvps.userId}) filter (where ${eventsRsvps.status} = 'going' and ${eventsRsvps.attendedAt} is null and ${eventsEvents.endsAt} < ${now}::timestamptz)::int`,
    })
    .from(eventsEvents)
    .leftJoin(eventsRsvps, eq(eventsRsvps.eventId, eventsEvents.id))
    .where(
      and(
        gte(eventsEvents.startsAt, range.start),
        lt(eventsEvents.startsAt, range.end),
        range.categoryId ? eq(eventsEvents.categoryId, range.categoryId) : undefined,
      ),
    );
  return {
    events: Number(row?.events ?? 0),
    rsvps: Number(row?.rsvps ?? 0),
    going: Number(row?.going ?? 0),
    waitlisted: Number(row?.waitlisted ?? 0),
    attended: Number(row?.attended ?? 0),
    noShows: Number(row?.noShows ?? 0),
  };
}
