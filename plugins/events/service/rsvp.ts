import { and, asc, count, eq } from 'drizzle-orm';
import { threads, UserError, type Db, type User } from '../../../core/plugins/api.ts';
import { eventsEvents, eventsRsvps, type EventRow, type RsvpChoice, type RsvpStatus } from '../schema.ts';
import { paths } from '../paths.ts';
import type { EventsApi } from '../settings.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface RsvpResult {
  status: RsvpStatus;
  previous: RsvpStatus | null;
  changed: boolean;
  /** Members moved from the waitlist to "going" by this change. */
  promoted: number[];
}

/**
 * Records a member's reply. The event row is locked for the whole transaction, so replies to one event are
 * decided one after another: "going" counts are read and written under the lock and capacity can never be
 * exceeded, however many members reply at once. Cancelling "going" promotes the first on the waitlist.
 */
export async function setRsvp(api: EventsApi, eventId: number, user: User, choice: RsvpChoice, now = new Date()): Promise<RsvpResult> {
  const result = await api.db.transaction(async (tx) => {
    const [event] = await tx.select().from(eventsEvents).where(eq(eventsEvents.id, eventId)).for('update');
    if (!event) throw new UserError(404, 'error.404.body');
    if (event.startsAt <= now) throw new UserError(409, 'events.error.started');
    if (choice !== 'not_going' && event.rsvpDeadline && event.rsvpDeadline <= now) throw new UserError(409, 'events.error.deadlinePassed');
    const [current] = await tx
      .select({ status: eventsRsvps.status })
      .from(eventsRsvps)
      .where(and(eq(eventsRsvps.eventId, eventId), eq(eventsRsvps.userId, user.id)));
    const previous = current?.status ?? null;
    const unchanged = (status: RsvpStatus): RsvpResult => ({ status, previous, changed: false, promoted: [] });
    if (choice === 'going' && (previous === 'going' || previous === 'waitlisted')) return unchanged(previous);
    if (previous === choice) return unchanged(choice);
    const status: RsvpStatus = choice === 'going' && !(await hasRoom(tx, event)) ? 'waitlisted' : choice;
    await tx
      .insert(eventsRsvps)
      .values({ eventId, userId: user.id, status, statusAt: now })
      .onConflictDoUpdate({ target: [eventsRsvps.eventId, eventsRsvps.userId], set: { status, statusAt: now } });
    const promoted = previous === 'going' ? await promoteWaitlist(tx, event, now) : [];
    return { status, previous, changed: true, promoted };
  });
  if (result.changed) await announce(api, eventId, user, result);
  return result;
}

async function goingCount(tx: Tx, eventId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(eventsRsvps)
    .where(and(eq(eventsRsvps.eventId, eventId), eq(eventsRsvps.status, 'going')));
  return Number(row?.n ?? 0);
}

async function hasRoom(tx: Tx, event: EventRow): Promise<boolean> {
  return event.capacity === null || (await goingCount(tx, event.id)) < event.capacity;
}

/** Fills free places from the waitlist, first come first served. Call with the event row locked. */
export async function promoteWaitlist(tx: Tx, event: EventRow, now = new Date()): Promise<number[]> {
  const promoted: number[] = [];
  const free = event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - (await goingCount(tx, event.id));
  for (let i = 0; i < free; i++) {
    const [next] = await tx
      .select({ userId: eventsRsvps.userId })
      .from(eventsRsvps)
      .where(and(eq(eventsRsvps.eventId, event.id), eq(eventsRsvps.status, 'waitlisted')))
      .orderBy(asc(eventsRsvps.statusAt), asc(eventsRsvps.userId))
      .limit(1);
    if (!next) break;
    await tx
      .update(eventsRsvps)
      .set({ status: 'going', statusAt: now })
      .where(and(eq(eventsRsvps.eventId, event.id), eq(eventsRsvps.userId, next.userId)));
    promoted.push(next.userId);
  }
  return promoted;
}

/** After the commit: other plugins hear of every change; promoted members are told. */
export async function announce(api: EventsApi, eventId: number, user: User | null, result: Pick<RsvpResult, 'status' | 'changed' | 'promoted'>): Promise<void> {
  const [row] = await api.db
    .select({ thread: threads, startsAt: eventsEvents.startsAt })
    .from(eventsEvents)
    .innerJoin(threads, eq(threads.id, eventsEvents.threadId))
    .where(eq(eventsEvents.id, eventId));
  if (!row) return;
  const ctx = { user, categoryId: row.thread.categoryId };
  if (user && result.changed) await api.emit('events.rsvped', { thread: row.thread, userId: user.id, status: result.status }, ctx);
  for (const userId of result.promoted) {
    await api.emit('events.rsvped', { thread: row.thread, userId, status: 'going' }, ctx);
    await api.notify({
      userId,
      type: 'promoted',
      data: { title: row.thread.title },
      url: paths.anchor(row.thread.id, eventId),
      dedupeKey: `promoted:${eventId}:${userId}:${row.startsAt.getTime()}:${Date.now()}`,
    });
  }
}
