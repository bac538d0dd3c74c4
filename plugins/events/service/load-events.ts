import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { users, type Db } from '../../../core/plugins/api.ts';
import { eventsEvents, eventsOrganisers, eventsRsvps, type EventRow, type RsvpStatus } from '../schema.ts';
import { organiserIdsOf } from './organisers.ts';

export type RsvpCounts = Record<RsvpStatus, number>;

export interface EventView {
  event: EventRow;
  counts: RsvpCounts;
  /** The viewer's reply, null when none (or a guest). */
  mine: RsvpStatus | null;
  /** 1-based place on the waitlist when the viewer is waitlisted. */
  waitlistPlace: number | null;
  organiserIds: number[];
  organisers: { id: number; username: string }[];
}

const emptyCounts = (): RsvpCounts => ({ going: 0, interested: 0, not_going: 0, waitlisted: 0 });

/** Events of a thread (or given ids) with their counts, the viewer's reply and organisers: four queries however many. */
export async function loadEvents(db: Db, query: { threadId?: number; eventIds?: readonly number[]; viewerId: number | null }): Promise<EventView[]> {
  const where = query.eventIds ? inArray(eventsEvents.id, [...query.eventIds]) : eq(eventsEvents.threadId, query.threadId ?? -1);
  if (query.eventIds?.length === 0) return [];
  const events = await db.select().from(eventsEvents).where(where).orderBy(asc(eventsEvents.startsAt), asc(eventsEvents.id));
  if (events.length === 0) return [];
  const ids = events.map((e) => e.id);
  const [counts, organisers, mine] = await Promise.all([
    db
      .select({ eventId: eventsRsvps.eventId, status: eventsRsvps.status, n: count() })
      .from(eventsRsvps)
      .where(inArray(eventsRsvps.eventId, ids))
      .groupBy(eventsRsvps.eventId, eventsRsvps.status),
    db.select().from(eventsOrganisers).where(inArray(eventsOrganisers.eventId, ids)),
    query.viewerId
      ? db
          .select({ eventId: eventsRsvps.eventId, status: eventsRsvps.status, statusAt: eventsRsvps.statusAt })
          .from(eventsRsvps)
          .where(and(inArray(eventsRsvps.eventId, ids), eq(eventsRsvps.userId, query.viewerId)))
      : Promise.resolve([]),
  ]);
  const waitlisted = mine.filter((m) => m.status === 'waitlisted');
  const places = new Map<number, number>();
  for (const entry of waitlisted) places.set(entry.eventId, await waitlistPlace(db, entry.eventId, query.viewerId!, entry.statusAt));
  const organiserIdsByEvent = new Map(
    events.map((event) => [event.id, organiserIdsOf(event, organisers.filter((o) => o.eventId === event.id).map((o) => o.userId))]),
  );
  const allOrganiserIds = [...new Set([...organiserIdsByEvent.values()].flat())];
  const names = allOrganiserIds.length
    ? await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, allOrganiserIds))
    : [];
  return events.map((event) => {
    const organiserIds = organiserIdsByEvent.get(event.id) ?? [];
    const c = emptyCounts();
    for (const row of counts) if (row.eventId === event.id) c[row.status] = Number(row.n);
    const my = mine.find((m) => m.eventId === event.id)?.status ?? null;
    return {
      event,
      counts: c,
      mine: my,
      waitlistPlace: places.get(event.id) ?? null,
      organiserIds,
      organisers: organiserIds.flatMap((id) => names.filter((n) => n.id === id)),
    };
  });
}

/** Waitlist order is (status_at, user_id): the same order promotion takes. */
async function waitlistPlace(db: Db, eventId: number, userId: number, statusAt: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(eventsRsvps)
    .where(
      and(
        eq(eventsRsvps.eventId, eventId),
        eq(eventsRsvps.status, 'waitlisted'),
        sql`(${eventsRsvps.statusAt}, ${eventsRsvps.userId}) <= (${statusAt.toISOString()}::timestamptz, ${userId})`,
      ),
    );
  return Number(row?.n ?? 0);
}
