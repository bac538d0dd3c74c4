import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { users, type Db } from '../../../core/plugins/api.ts';
import { eventsRsvps, type RsvpStatus } from '../schema.ts';

export interface Attendee {
  userId: number;
  username: string;
  displayName: string;
  status: RsvpStatus;
  statusAt: Date;
  attendedAt: Date | null;
}

const order = sql`case ${eventsRsvps.status} when 'going' then 0 when 'waitlisted' then 1 when 'interested' then 2 else 3 end`;

/** Everyone who replied (not "not going" unless asked), going first, the waitlist in its order, then by name. */
export async function listAttendees(db: Db, eventId: number, statuses: readonly RsvpStatus[] = ['going', 'waitlisted', 'interested']): Promise<Attendee[]> {
  return db
    .select({
      userId: eventsRsvps.userId,
      username: users.username,
      displayName: users.displayName,
      status: eventsRsvps.status,
      statusAt: eventsRsvps.statusAt,
      attendedAt: eventsRsvps.attendedAt,
    })
    .from(eventsRsvps)
    .innerJoin(users, eq(users.id, eventsRsvps.userId))
    .where(and(eq(eventsRsvps.eventId, eventId), inArray(eventsRsvps.status, [...statuses])))
    .orderBy(order, sql`case when ${eventsRsvps.status} = 'waitlisted' then ${eventsRsvps.statusAt} end`, asc(sql`lower(${users.username})`));
}
