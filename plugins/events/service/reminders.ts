import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import { threads, users } from '../../../core/plugins/api.ts';
import en from '../locales/en.ts';
import zhCN from '../locales/zh-CN.ts';
import { paths } from '../paths.ts';
import { eventsEvents, eventsRsvps, type EventRow } from '../schema.ts';
import type { EventsApi } from '../settings.ts';
import { formatRange } from './format.ts';
import { validTimeZone } from './zoned-time.ts';

export const REMIND_JOB = 'remind';
export const REMIND_SWEEP_JOB = 'remind-sweep';

export interface RemindJob {
  eventId: number;
}

/** When attendees are reminded: `hours` before the start. */
export function reminderTime(event: Pick<EventRow, 'startsAt'>, hours: number): Date {
  return new Date(event.startsAt.getTime() - hours * 3_600_000);
}

/** Queues the reminder for its time; the hourly sweep catches any the queue lost. */
export async function scheduleReminder(api: EventsApi, event: Pick<EventRow, 'id' | 'startsAt'>, hours: number): Promise<void> {
  await api.enqueue<RemindJob>(REMIND_JOB, { eventId: event.id }, {
    startAfter: reminderTime(event, hours),
    singletonKey: `remind:${event.id}:${event.startsAt.getTime()}`,
  });
}

const catalogs = { en, 'zh-CN': zhCN } as const;

function message(locale: string | null, key: keyof typeof en, params: Record<string, string>): string {
  const catalog: Record<string, string> = locale === 'zh-CN' ? catalogs['zh-CN'] : catalogs.en;
  return (catalog[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The reminder job: every member going gets an in-app notification and an email. Both carry a dedupe key
 * (event, member, start time), so a job that runs twice — or the sweep and the job both — sends once; a
 * moved start time makes a new reminder. Does nothing before the reminder time or once the event began.
 */
export async function sendReminders(api: EventsApi, eventId: number, now = new Date()): Promise<number> {
  const [row] = await api.db
    .select({ event: eventsEvents, thread: threads })
    .from(eventsEvents)
    .innerJoin(threads, eq(threads.id, eventsEvents.threadId))
    .where(eq(eventsEvents.id, eventId));
  if (!row || row.thread.deletedAt) return 0;
  const { event, thread } = row;
  const { reminderHours } = await api.settings(event.categoryId);
  if (now < reminderTime(event, reminderHours) || now >= event.startsAt || !api.enabledIn(event.categoryId)) return 0;
  const site = await api.site();
  let sent = 0;
  let after = 0;
  for (;;) {
    const batch = await api.db
      .select({ id: users.id, locale: users.locale, timeZone: users.timeZone })
      .from(eventsRsvps)
      .innerJoin(users, eq(users.id, eventsRsvps.userId))
      .where(and(eq(eventsRsvps.eventId, event.id), eq(eventsRsvps.status, 'going'), gt(users.id, after)))
      .orderBy(asc(users.id))
      .limit(200);
    for (const member of batch) {
      const key = `reminder:${event.id}:${member.id}:${event.startsAt.getTime()}`;
      const locale = member.locale ?? site.defaultLocale;
      const when = formatRange(event, { locale, timeZone: validTimeZone(member.timeZone ?? site.timeZone) });
      const url = `${api.origin}${paths.anchor(thread.id, event.id)}`;
      const place = [event.venue, event.onlineUrl].filter(Boolean).join(' · ');
      const params = { title: thread.title, when, place, url, forum: site.forumName };
      await api.notify({ userId: member.id, type: 'reminder', data: { title: thread.title, when }, url: paths.anchor(thread.id, event.id), dedupeKey: key });
      const { queued } = await api.mail.send({
        userId: member.id,
        subject: message(locale, 'events.mail.subject', params),
        text: message(locale, 'events.mail.text', params),
        html: `<p>${escapeHtml(message(locale, 'events.mail.intro', params))}</p><p><strong>${escapeHtml(when)}</strong>${place ? `<br>${escapeHtml(place)}` : ''}</p><p><a href="${escapeHtml(url)}">${escapeHtml(message(locale, 'events.mail.open', params))}</a></p>`,
        dedupeKey: key,
      });
      if (queued) sent++;
    }
    if (batch.length < 200) break;
    after = batch[batch.length - 1]!.id;
  }
  await api.db.update(eventsEvents).set({ remindedAt: now }).where(eq(eventsEvents.id, event.id));
  return sent;
}

/** Hourly: events whose reminder time has come and that were not reminded yet (a lost or late job). */
export async function sweepReminders(api: EventsApi, now = new Date()): Promise<void> {
  const horizon = new Date(now.getTime() + 336 * 3_600_000);
  const due = await api.db
    .select({ id: eventsEvents.id })
    .from(eventsEvents)
    .where(and(isNull(eventsEvents.remindedAt), gt(eventsEvents.startsAt, now), lte(eventsEvents.startsAt, horizon)))
    .orderBy(asc(eventsEvents.startsAt))
    .limit(500);
  for (const { id } of due) await sendReminders(api, id, now);
}
