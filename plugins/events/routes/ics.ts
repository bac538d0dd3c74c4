import { eq } from 'drizzle-orm';
import { categories } from '../../../core/plugins/api.ts';
import { buildCalendar } from '../service/ical.ts';
import { listCalendar } from '../service/calendar.ts';
import type { EventsApi } from '../settings.ts';
import { findEvent, idParam, scopedThread, vcOf, type EventsContext } from './context.ts';

function calendarResponse(c: EventsContext, body: string, filename: string, inline: boolean): Response {
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${filename}"`);
  return c.body(body);
}

/** GET /t/:threadId/e/:eventId/event.ics — one occurrence, to add to a calendar application. */
export function eventIcsRoute(api: EventsApi) {
  return async function eventsIcs(c: EventsContext) {
    const thread = scopedThread(c);
    const { event } = await findEvent(api.db, c);
    const site = await api.site();
    const body = buildCalendar({ origin: api.origin, name: site.forumName, events: [{ event, title: thread.title, threadId: thread.id }] });
    return calendarResponse(c, body, `event-${event.id}.ics`, false);
  };
}

const FEED_PAST_DAYS = 30;
const FEED_LIMIT = 500;

/**
 * GET /c/:categoryId/calendar.ics — a subscribable feed of the category's events (the last 30 days and
 * everything ahead). Calendar applications fetch it without a session: only categories guests may read work.
 */
export function categoryFeedRoute(api: EventsApi) {
  return async function eventsFeed(c: EventsContext) {
    const categoryId = idParam(c.req.param('categoryId'));
    const [category] = await api.db.select({ name: categories.name }).from(categories).where(eq(categories.id, categoryId));
    const entries = await listCalendar(api, { from: new Date(Date.now() - FEED_PAST_DAYS * 86_400_000), categoryIds: [categoryId], limit: FEED_LIMIT });
    const site = await api.site();
    const vc = vcOf(c);
    const body = buildCalendar({
      origin: api.origin,
      name: vc.t('events.calendar.feedName', { forum: site.forumName, category: category?.name ?? '' }),
      events: entries.map((e) => ({ event: e.event, title: e.title, threadId: e.threadId })),
    });
    c.header('Cache-Control', 'public, max-age=900');
    return calendarResponse(c, body, `category-${categoryId}.ics`, true);
  };
}
