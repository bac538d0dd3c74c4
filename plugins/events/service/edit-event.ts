import { and, eq } from 'drizzle-orm';
import { posts, UserError, type User } from '../../../core/plugins/api.ts';
import type { NewEvent } from '../input/event-form.ts';
import { paths } from '../paths.ts';
import { eventsEvents } from '../schema.ts';
import type { EventsApi } from '../settings.ts';
import { SEARCH_TYPE, STARTS_FACET } from './create-event.ts';
import { scheduleReminder } from './reminders.ts';
import { announce, promoteWaitlist } from './rsvp.ts';

/**
 * Changes one occurrence's time, place, capacity or deadline. Under the event row's lock, like replies:
 * more places promote from the waitlist at once; fewer places never remove anyone already going. A new
 * start time reschedules the reminder (its dedupe key includes the start, so members are reminded again).
 */
export async function editEvent(api: EventsApi, input: { eventId: number; by: User; event: NewEvent; title: string; now?: Date }): Promise<void> {
  const { event } = input;
  const now = input.now ?? new Date();
  const result = await api.db.transaction(async (tx) => {
    const [current] = await tx.select().from(eventsEvents).where(eq(eventsEvents.id, input.eventId)).for('update');
    if (!current) throw new UserError(404, 'error.404.body');
    if (current.startsAt <= now) throw new UserError(409, 'events.error.started');
    const moved = current.startsAt.getTime() !== event.startsAt.getTime();
    const [updated] = await tx
      .update(eventsEvents)
      .set({
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timeZone: event.timeZone,
        onlineUrl: event.onlineUrl,
        venue: event.venue,
        capacity: event.capacity,
        rsvpDeadline: event.rsvpDeadline,
        ...(moved ? { remindedAt: null } : {}),
      })
      .where(eq(eventsEvents.id, current.id))
      .returning();
    const promoted = await promoteWaitlist(tx, updated!, now);
    const [first] = await tx.select({ raw: posts.raw }).from(posts).where(and(eq(posts.threadId, current.threadId), eq(posts.number, 1)));
    await api.search.index(
      [
        {
          type: SEARCH_TYPE,
          id: current.id,
          title: input.title,
          body: [updated!.venue, updated!.onlineUrl, first?.raw].filter(Boolean).join('\n'),
          url: paths.anchor(current.threadId, current.id),
          createdAt: current.createdAt,
          threadId: current.threadId,
          authorId: current.createdById,
          facets: { [STARTS_FACET]: updated!.startsAt },
        },
      ],
      { tx },
    );
    return { updated: updated!, moved, promoted };
  });
  if (result.promoted.length) await announce(api, input.eventId, null, { status: 'going', changed: false, promoted: result.promoted });
  if (result.moved) await scheduleReminder(api, result.updated, (await api.settings(result.updated.categoryId)).reminderHours);
}
