import { sql } from 'drizzle-orm';
import { parseEventForm } from '../input/event-form.ts';
import { occurrences } from '../service/create-event.ts';
import { formatRange } from '../service/format.ts';
import { createEventThread, eventIdsOf, eventsForum, rows } from './helpers.ts';

const now = new Date('2026-01-01T00:00:00Z');
const parse = (fields: Record<string, string>) =>
  parseEventForm({ events_venue: 'Hall', ...fields }, { defaultTimeZone: 'UTC', maxOccurrences: 12, now });

describe('time zones', () => {
  it('reads times in the organiser’s zone across the US spring-forward and shows them in the viewer’s', () => {
    // 2026-03-08 is the day New York moves to daylight time (02:00 → 03:00): 10:00 is EDT, UTC−4
    const event = parse({ events_tz: 'America/New_York', events_starts: '2026-03-08T10:00', events_ends: '2026-03-08T12:00' });
    expect(event.startsAt.toISOString()).toBe('2026-03-08T14:00:00.000Z');
    // the day before it is still EST, UTC−5
    expect(parse({ events_tz: 'America/New_York', events_starts: '2026-03-07T10:00', events_ends: '2026-03-07T12:00' }).startsAt.toISOString()).toBe('2026-03-07T15:00:00.000Z');
    // a time that does not exist that night (02:30) moves forward by the gap
    expect(parse({ events_tz: 'America/New_York', events_starts: '2026-03-08T02:30', events_ends: '2026-03-08T04:00' }).startsAt.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(formatRange(event, { locale: 'en', timeZone: 'Asia/Shanghai' })).toMatch(/^Sun, Mar 8, 2026, 22:00\s(GMT\+8\s)?–\sMon, Mar 9, 2026, 00:00\sGMT\+8$/);
    expect(formatRange(event, { locale: 'en', timeZone: 'America/New_York' })).toMatch(/^Sun, Mar 8, 2026, 10:00\s–\s12:00\sEDT$/);
  });

  it('a weekly series keeps its local time across Berlin’s change to summer time', () => {
    // Europe/Berlin moves to CEST on 2026-03-29
    const event = parse({ events_tz: 'Europe/Berlin', events_starts: '2026-03-22T19:00', events_ends: '2026-03-22T21:00', events_repeat: 'weekly', events_repeat_count: '3' });
    const dates = occurrences(event);
    expect(dates.map((o) => o.startsAt.toISOString())).toEqual(['2026-03-22T18:00:00.000Z', '2026-03-29T17:00:00.000Z', '2026-04-05T17:00:00.000Z']);
    expect(dates.map((o) => o.endsAt.getTime() - o.startsAt.getTime())).toEqual([7_200_000, 7_200_000, 7_200_000]);
    // and back in October (2026-10-25)
    const autumn = occurrences(parse({ events_tz: 'Europe/Berlin', events_starts: '2026-10-18T19:00', events_ends: '2026-10-18T20:00', events_repeat: 'weekly', events_repeat_count: '2' }));
    expect(autumn.map((o) => o.startsAt.toISOString())).toEqual(['2026-10-18T17:00:00.000Z', '2026-10-25T18:00:00.000Z']);
  });

  it('a monthly series on the 31st falls on the last day of shorter months', () => {
    const event = parse({ events_tz: 'Asia/Shanghai', events_starts: '2026-01-31T20:00', events_ends: '2026-01-31T21:00', events_repeat: 'monthly', events_repeat_count: '3', events_rsvp_deadline: '2026-01-30T20:00' });
    const dates = occurrences(event);
    expect(dates.map((o) => o.startsAt.toISOString())).toEqual(['2026-01-31T12:00:00.000Z', '2026-02-28T12:00:00.000Z', '2026-03-31T12:00:00.000Z']);
    expect(dates.map((o) => o.rsvpDeadline?.toISOString())).toEqual(['2026-01-30T12:00:00.000Z', '2026-02-27T12:00:00.000Z', '2026-03-30T12:00:00.000Z']);
  });

  it('through the composer: a New York organiser’s series is stored in UTC and a Shanghai member sees their own time', async () => {
    const { forum, category, organiser } = await eventsForum();
    await forum.deps.database.rows(sql`update users set time_zone = 'America/New_York' where id = ${organiser.user.id}`);
    const composer = await (await organiser.client.get(`/new?category=${category.id}`)).text();
    expect(composer).toContain('name="events_tz" value="America/New_York"');
    // 2027: New York changes on 14 March
    const { res, threadId } = await createEventThread(organiser.client, category.id, {
      events_tz: 'America/New_York',
      events_starts: '2027-03-07T10:00',
      events_ends: '2027-03-07T12:00',
      events_repeat: 'weekly',
      events_repeat_count: '2',
    });
    expect(res.status).toBe(303);
    const stored = await rows<{ starts_at: Date; occurrence: number; series_id: number | null }>(
      forum,
      sql`select starts_at, occurrence, series_id from events_events where thread_id = ${threadId} order by starts_at`,
    );
    expect(stored.map((r) => new Date(r.starts_at).toISOString())).toEqual(['2027-03-07T15:00:00.000Z', '2027-03-14T14:00:00.000Z']);
    expect(stored.map((r) => r.occurrence)).toEqual([1, 2]);
    expect(stored[0]!.series_id).not.toBeNull();
    expect(stored[0]!.series_id).toBe(stored[1]!.series_id);

    const viewer = await forum.member();
    await forum.deps.database.rows(sql`update users set time_zone = 'Asia/Shanghai' where id = ${viewer.user.id}`);
    const [first, second] = await eventIdsOf(forum, threadId);
    const html = await (await viewer.client.get(`/plugins/events/t/${threadId}/e/${second}`)).text();
    expect(html).toMatch(/Sun, Mar 14, 2027, 22:00\s(GMT\+8\s)?–\sMon, Mar 15, 2027, 00:00\sGMT\+8/);
    expect(html).toContain('Occurrence 2 of 2 (weekly)');
    const own = await (await organiser.client.get(`/plugins/events/t/${threadId}/e/${first}`)).text();
    expect(own).toMatch(/Sun, Mar 7, 2027, 10:00\s–\s12:00\sEST/);
  });
});
