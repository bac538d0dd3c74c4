import { and, asc, eq, gt, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { canReadCategory, categories, listedThread, threads, type Category, type Viewer } from '../../../core/plugins/api.ts';
import { eventsEvents, type EventRow } from '../schema.ts';
import type { EventsApi } from '../settings.ts';

export interface CalendarEntry {
  event: EventRow;
  title: string;
  threadId: number;
  category: Pick<Category, 'id' | 'name' | 'color'>;
}

const parent = alias(categories, 'events_parent_category');

/** Categories where events are on and the viewer may read. */
export async function calendarCategories(api: EventsApi, viewer: Viewer): Promise<Category[]> {
  const rows = await api.db.select({ category: categories, parent }).from(categories).leftJoin(parent, eq(categories.parentId, parent.id)).orderBy(asc(categories.position), asc(categories.id));
  return rows.filter((r) => api.enabledIn(r.category.id) && canReadCategory(viewer, r.category, r.parent)).map((r) => r.category);
}

export interface CalendarQuery {
  /** Events ending at or after this instant (ongoing events stay listed)… */
  from: Date;
  /** …and starting before this one. */
  to?: Date;
  categoryIds: readonly number[];
  /** Keyset: entries after this (startsAt, id). */
  after?: { startsAt: Date; id: number } | null;
  limit: number;
}

/** Events in listed, visible threads of the given categories, in start order (indexed on starts_at, id). */
export async function listCalendar(api: EventsApi, query: CalendarQuery): Promise<CalendarEntry[]> {
  if (query.categoryIds.length === 0) return [];
  const conditions: (SQL | undefined)[] = [
    inArray(eventsEvents.categoryId, [...query.categoryIds]),
    gte(eventsEvents.endsAt, query.from),
    query.to ? lt(eventsEvents.startsAt, query.to) : undefined,
    listedThread(),
    query.after
      ? or(gt(eventsEvents.startsAt, query.after.startsAt), and(eq(eventsEvents.startsAt, query.after.startsAt), gt(eventsEvents.id, query.after.id)))
      : undefined,
  ];
  const rows = await api.db
    .select({ event: eventsEvents, title: threads.title, threadId: threads.id, category: { id: categories.id, name: categories.name, color: categories.color } })
    .from(eventsEvents)
    .innerJoin(threads, eq(threads.id, eventsEvents.threadId))
    .innerJoin(categories, eq(categories.id, eventsEvents.categoryId))
    .where(and(...conditions))
    .orderBy(asc(eventsEvents.startsAt), asc(eventsEvents.id))
    .limit(query.limit);
  return rows;
}
