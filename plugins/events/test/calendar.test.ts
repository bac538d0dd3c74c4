import { sql } from 'drizzle-orm';
import ical from 'node-ical';
import { toCsv } from '../service/csv.ts';
import { createEventThread, eventIdsOf, eventPath, eventsForum, inDays, rows, withEvent } from './helpers.ts';

type VEvent = { type: string; uid: string; start: Date; end: Date; summary: string | { val: string }; location?: string | { val: string }; url?: string | { val: string } };
const text = (value: string | { val: string } | undefined) => (typeof value === 'object' ? value.val : value);
const vevents = (body: string) => Object.values(ical.sync.parseICS(body)).filter((c): c is never => (c as { type?: string }).type === 'VEVENT') as VEvent[];

describe('calendars', () => {
  it('a single event downloads as a valid .ics that a parser reads back exactly', async () => {
    const { forum, threadId, eventId } = await withEvent({ events_online_url: 'https://meet.example.com/x' });
    const res = await forum.client().get(eventPath(threadId, eventId, '/event.ics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(res.headers.get('content-disposition')).toContain(`event-${eventId}.ics`);
    const body = await res.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const [event] = vevents(body);
    const [stored] = await rows<{ starts_at: Date; ends_at: Date }>(forum, sql`select starts_at, ends_at from events_events where id = ${eventId}`);
    expect(event!.uid).toBe(`event-${eventId}@forum.test`);
    expect(text(event!.summary)).toBe('Board game night');
    expect(text(event!.location)).toBe('Community hall, 1 Main St');
    expect(text(event!.url)).toBe(`http://forum.test/t/${threadId}#events-event-${eventId}`);
    expect(new Date(event!.start).toISOString()).toBe(new Date(stored!.starts_at).toISOString());
    expect(new Date(event!.end).toISOString()).toBe(new Date(stored!.ends_at).toISOString());
  });

  it('a category feed lists its events (series occurrences each once) for calendar applications, without a session', async () => {
    const { forum, category, organiser } = await eventsForum({ organiserRole: 'moderator' });
    const { threadId } = await createEventThread(organiser.client, category.id, { events_repeat: 'weekly', events_repeat_count: '3' }, 'Weekly run, 周跑');
    await createEventThread(organiser.client, category.id, {}, 'Picnic');
    const res = await forum.client().get(`/plugins/events/c/${category.id}/calendar.ics`);
    expect(res.status).toBe(200);
    const events = vevents(await res.text());
    expect(events.map((e) => text(e.summary)).sort()).toEqual(['Picnic', 'Weekly run, 周跑', 'Weekly run, 周跑', 'Weekly run, 周跑']);
    const ids = await eventIdsOf(forum, threadId);
    expect(events.filter((e) => text(e.summary) === 'Weekly run, 周跑').map((e) => e.uid).sort()).toEqual(ids.map((id) => `event-${id}@forum.test`).sort());
    // a category where events are off has no feed
    const { insertCategory } = await import('../../../test/plugins/helpers.ts');
    const other = await insertCategory(forum.deps.db, 'Other');
    expect((await forum.client().get(`/plugins/events/c/${other.id}/calendar.ics`)).status).toBe(404);
  });

  it('the calendar page lists upcoming events and the month, filtered by category, hiding deleted threads', async () => {
    const { forum, category, organiser } = await eventsForum({ organiserRole: 'moderator' });
    const { insertCategory } = await import('../../../test/plugins/helpers.ts');
    const second = await insertCategory(forum.deps.db, 'Workshops');
    await forum.deps.pluginHost.state.setCategory('events', second.id, true);
    await createEventThread(organiser.client, category.id, {}, 'Meetup in hall');
    await createEventThread(organiser.client, second.id, { events_starts: inDays(12, '09:00'), events_ends: inDays(12, '11:00') }, 'Soldering workshop');
    const { threadId: gone } = await createEventThread(organiser.client, category.id, {}, 'Deleted event');
    await forum.deps.database.rows(sql`update threads set deleted_at = now() where id = ${gone}`);
    const month = inDays(10).slice(0, 7);

    const all = await (await forum.client().get(`/plugins/events/calendar?month=${month}`)).text();
    expect(all).toContain('Upcoming events');
    expect(all).toContain('Meetup in hall');
    expect(all).toContain('Soldering workshop');
    expect(all).not.toContain('Deleted event');
    expect(all.indexOf('Meetup in hall')).toBeLessThan(all.indexOf('Soldering workshop'));
    expect(all).toContain(`/plugins/events/c/${category.id}/calendar.ics`);

    const filtered = await (await forum.client().get(`/plugins/events/calendar?category=${second.id}&month=${month}`)).text();
    expect(filtered).toContain('Soldering workshop');
    expect(filtered).not.toContain('Meetup in hall');

    const zh = forum.client();
    zh.headers['accept-language'] = 'zh-CN';
    const zhPage = await (await zh.get('/plugins/events/calendar?month=2001-02')).text();
    expect(zhPage).toContain('活动日历');
    expect(zhPage).toContain('本月没有活动。');
    // nonsense parameters fall back instead of failing
    expect((await forum.client().get('/plugins/events/calendar?month=9999-99&category=abc&after=zzz')).status).toBe(200);
  });

  it('organisers export attendees as CSV: escaped, formula-safe, UTF-8', async () => {
    const { forum, threadId, eventId, organiser } = await withEvent({ events_capacity: '1' });
    const evil = await forum.member({ username: 'evil_one', displayName: '=HYPERLINK("http://x","y")' });
    const quoted = await forum.member({ username: 'quote_one', displayName: 'Lee, "Ace"' });
    await evil.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    await quoted.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    const res = await organiser.client.get(eventPath(threadId, eventId, '/attendees.csv'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const body = await res.text();
    const lines = body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Username,Display name,Reply,Replied at (UTC),Attended');
    expect(lines[1]).toMatch(/^evil_one,"'=HYPERLINK\(""http:\/\/x"",""y""\)",Going,\d{4}-.*Z,no$/);
    expect(lines[2]).toMatch(/^quote_one,"Lee, ""Ace""",Waitlisted,/);
    expect(toCsv([['+1', '-2', '@x', 'plain', 3]])).toBe("\uFEFF'+1,'-2,'@x,plain,3\r\n");
  });
});
