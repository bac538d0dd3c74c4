import { sql } from 'drizzle-orm';
import type { ActionHooks } from '../../../core/plugins/api.ts';
import { participationStats } from '../service/stats.ts';
import { eventPath, rows, withEvent } from './helpers.ts';

describe('attendance and participation figures', () => {
  it('organisers check members in from the phone list; events.attended fires once per member', async () => {
    const { forum, threadId, eventId, organiser } = await withEvent();
    const heard: ActionHooks['events.attended'][] = [];
    forum.deps.plugins.hooks.addAction('events.attended', (p) => void heard.push(p), { owner: 'test' });
    const ann = await forum.member({ username: 'ann_going', displayName: 'Ann' });
    const bob = await forum.member({ username: 'bob_going', displayName: 'Bob' });
    const stranger = await forum.member();
    await ann.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    await bob.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });

    const list = await (await organiser.client.get(eventPath(threadId, eventId, '/check-in'))).text();
    expect(list).toContain('Check-in: Board game night');
    expect(list).toContain('0 of 2 attended');
    expect(list).toContain('Mark attended: Ann');

    const marked = await organiser.client.htmx('POST', eventPath(threadId, eventId, '/check-in'), { userId: String(ann.user.id), attended: '1' });
    expect(marked.status).toBe(200);
    const row = await marked.text();
    expect(row).toMatch(/^<li id="events-checkin-\d+" class="events-checkin-row is-attended"/);
    expect(row).toContain('Undo');
    // the count at the top of the page follows each tap
    expect(row).toMatch(/<p id="events-checkin-summary"[^>]*hx-swap-oob="true"[^>]*>1 of 2 attended<\/p>/);
    await organiser.client.htmx('POST', eventPath(threadId, eventId, '/check-in'), { userId: String(ann.user.id), attended: '1' });
    expect(heard.map((h) => [h.userId, h.markedBy.id, h.thread.id])).toEqual([[ann.user.id, organiser.user.id, threadId]]);
    // members who did not reply cannot be checked in; other members cannot check in at all
    expect((await organiser.client.htmx('POST', eventPath(threadId, eventId, '/check-in'), { userId: String(stranger.user.id), attended: '1' })).status).toBe(422);
    expect((await stranger.client.htmx('POST', eventPath(threadId, eventId, '/check-in'), { userId: String(bob.user.id), attended: '1' })).status).toBe(403);
    expect(await (await organiser.client.get(eventPath(threadId, eventId, '/check-in'))).text()).toContain('1 of 2 attended');
    // undo
    await organiser.client.post(eventPath(threadId, eventId, '/check-in'), { userId: String(ann.user.id), attended: '0' });
    expect(await rows(forum, sql`select 1 from events_rsvps where attended_at is not null`)).toEqual([]);
  });

  it('organisers add and remove co-organisers on the check-in page; unknown names are reported', async () => {
    const { forum, threadId, eventId, organiser } = await withEvent();
    const helper = await forum.member({ username: 'door_helper' });
    expect((await helper.client.get(eventPath(threadId, eventId, '/check-in'))).status).toBe(403);
    expect((await organiser.client.post(eventPath(threadId, eventId, '/organisers'), { username: 'door_helper' })).status).toBe(303);
    expect((await helper.client.get(eventPath(threadId, eventId, '/check-in'))).status).toBe(200);
    const unknown = await organiser.client.post(eventPath(threadId, eventId, '/organisers'), { username: '<b>nobody</b>' });
    expect(await (await organiser.client.get(unknown.headers.get('location')!)).text()).toContain('No member is called &lt;b&gt;nobody&lt;/b&gt;.');
    await organiser.client.post(eventPath(threadId, eventId, '/organisers/remove'), { userId: String(helper.user.id) });
    expect((await helper.client.get(eventPath(threadId, eventId, '/check-in'))).status).toBe(403);
  });

  it('participation figures count replies, attendance and no-shows for events starting in a range', async () => {
    const { forum, threadId, eventId, organiser, category } = await withEvent({ events_capacity: '2' });
    const members = await Promise.all([forum.member(), forum.member(), forum.member(), forum.member()]);
    for (const [i, m] of members.entries()) await m.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: i === 3 ? 'interested' : 'going' });
    await organiser.client.post(eventPath(threadId, eventId, '/check-in'), { userId: String(members[0]!.user.id), attended: '1' });
    const [event] = await rows<{ starts_at: Date; ends_at: Date }>(forum, sql`select starts_at, ends_at from events_events where id = ${eventId}`);
    const start = new Date(new Date(event!.starts_at).getTime() - 86_400_000);
    const end = new Date(new Date(event!.starts_at).getTime() + 86_400_000);
    const afterwards = new Date(new Date(event!.ends_at).getTime() + 60_000);
    const db = forum.deps.db;
    expect(await participationStats(db, { start, end, now: afterwards })).toEqual({ events: 1, rsvps: 4, going: 2, waitlisted: 1, attended: 1, noShows: 1 });
    // before it ends nobody is a no-show yet
    expect((await participationStats(db, { start, end })).noShows).toBe(0);
    expect((await participationStats(db, { start, end, categoryId: category.id + 1000 })).events).toBe(0);
    expect((await participationStats(db, { start: end, end: new Date(end.getTime() + 1000) })).events).toBe(0);
  });
});
