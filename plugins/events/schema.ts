import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { categories, threads, users } from '../../core/plugins/api.ts';

export const rsvpStatuses = ['going', 'interested', 'not_going', 'waitlisted'] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];
/** What a member chooses; 'waitlisted' is what "going" becomes when the event is full. */
export const rsvpChoices = ['going', 'interested', 'not_going'] as const;
export type RsvpChoice = (typeof rsvpChoices)[number];
export const repeatKinds = ['none', 'weekly', 'monthly'] as const;
export type RepeatKind = (typeof repeatKinds)[number];

/** A weekly or monthly series: its occurrences are events of the same thread. */
export const eventsSeries = pgTable(
  'events_series',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    frequency: text('frequency').$type<Exclude<RepeatKind, 'none'>>().notNull(),
    occurrences: integer('occurrences').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_series_thread_idx').on(t.threadId), check('events_series_frequency_check', sql`${t.frequency} in ('weekly', 'monthly')`)],
);

/** One occurrence: times are instants (UTC); `timeZone` is the organiser's, in which they were entered. */
export const eventsEvents = pgTable(
  'events_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    /** Repeated from the thread so calendars filter by category without a join on every row. */
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    seriesId: integer('series_id').references(() => eventsSeries.id, { onDelete: 'set null' }),
    /** 1-based position in its series. */
    occurrence: integer('occurrence').notNull().default(1),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    onlineUrl: text('online_url'),
    venue: text('venue'),
    capacity: integer('capacity'),
    rsvpDeadline: timestamp('rsvp_deadline', { withTimezone: true }),
    /** Set when the reminder job has notified every attendee (each notification and mail also has its dedupe key). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_events_thread_idx').on(t.threadId, t.startsAt),
    // calendars: upcoming and month ranges, per category
    index('events_events_starts_idx').on(t.startsAt, t.id),
    index('events_events_category_starts_idx').on(t.categoryId, t.startsAt, t.id),
    check('events_events_times_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('events_events_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 1`),
  ],
);

/** Organisers besides the creator (who always is one). */
export const eventsOrganisers = pgTable(
  'events_organisers',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => eventsEvents.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('events_organisers_user_idx').on(t.userId)],
);

/**
 * One reply per member and event; also the participation record (RSVPs, attended, no-shows) analytics reads.
 * The waitlist is the 'waitlisted' rows in `statusAt` order.
 */
export const eventsRsvps = pgTable(
  'events_rsvps',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => eventsEvents.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<RsvpStatus>().notNull(),
    /** When the current status was taken: the waitlist's order. */
    statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    attendanceMarkedById: integer('attendance_marked_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index('events_rsvps_event_status_idx').on(t.eventId, t.status, t.statusAt),
    index('events_rsvps_user_idx').on(t.userId),
    check('events_rsvps_status_check', sql`${t.status} in ('going', 'interested', 'not_going', 'waitlisted')`),
  ],
);

export type EventRow = typeof eventsEvents.$inferSelect;
export type Rsvp = typeof eventsRsvps.$inferSelect;
