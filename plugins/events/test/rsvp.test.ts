import { sql } from 'drizzle-orm';
import type { ActionHooks } from '../../../core/plugins/api.ts';
import { setRsvp } from '../service/rsvp.ts';
import { bulkMembers, capturingEvents, eventPath, rows, withEvent } from './helpers.ts';

async function statuses(forum: Awaited<ReturnType<typeof withEvent>>['forum'], eventId: number) {
  const list = await rows<{ status: string; n: number }>(forum, sql`select status, count(*)::int as n from events_rsvps where event_id = ${eventId} group by status`);
  return Object.fromEntries(list.map((r) => [r.status, r.n]));
}

describe('replying to an event', () => {
  it('going, interested and not going change in place with htmx and are announced', async () => {
    const { forum, threadId, eventId } = await withEvent();
    const heard: ActionHooks['events.rsvped'][] = [];
    forum.deps.plugins.hooks.addAction('events.rsvped', (p) => void heard.push(p), { owner: 'test' });
    const { user, client } = await forum.member();
    const going = await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    expect(going.status).toBe(200);
    const html = await going.text();
    expect(html).toMatch(/^<section id="events-event-\d+"/);
    expect(html).toContain('You are going.');
    expect(html).toContain('Your reply was saved.');
    expect(await (await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'interested' })).text()).toContain('You are interested.');
    expect(await (await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'not_going' })).text()).toContain('You are not going.');
    // the same reply again changes nothing and is not announced again
    await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'not_going' });
    expect(heard.map((h) => [h.userId, h.status, h.thread.id])).toEqual([
      [user.id, 'going', threadId],
      [user.id, 'interested', threadId],
      [user.id, 'not_going', threadId],
    ]);
    // without JavaScript: a redirect back to the event
    const plain = await client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/t/${threadId}#events-event-${eventId}`);
  });

  it('refuses guests, unknown choices, and replies after the deadline or the start', async () => {
    const { forum, threadId, eventId } = await withEvent();
    expect((await forum.client().post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' })).status).toBe(403);
    const { client } = await forum.member();
    const bad = await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'maybe<script>' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose going, interested or not going.');
    await forum.deps.database.rows(sql`update events_events set rsvp_deadline = now() - interval '1 minute' where id = ${eventId}`);
    const late = await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('Replies to this event are closed.');
    // cancelling stays possible until the start
    expect((await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'not_going' })).status).toBe(200);
    await forum.deps.database.rows(sql`update events_events set starts_at = now() - interval '1 minute' where id = ${eventId}`);
    const started = await client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'not_going' });
    expect(started.status).toBe(409);
    expect(await started.text()).toContain('already started');
    expect((await client.get(eventPath(threadId, 999_999))).status).toBe(404);
  });

  it('a full event puts new "going" replies on the waitlist; a cancellation promotes the first and tells them', async () => {
    const { forum, threadId, eventId } = await withEvent({ events_capacity: '1' });
    const heard: ActionHooks['events.rsvped'][] = [];
    forum.deps.plugins.hooks.addAction('events.rsvped', (p) => void heard.push(p), { owner: 'test' });
    const first = await forum.member({ username: 'first_one' });
    const second = await forum.member({ username: 'second_one' });
    const third = await forum.member({ username: 'third_one' });
    await first.client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    const waiting = await (await second.client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'going' })).text();
    expect(waiting).toContain('The event is full: you are on the waitlist.');
    expect(waiting).toContain('You are on the waitlist (place 1).');
    expect(await (await third.client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'going' })).text()).toContain('(place 2)');
    expect(await statuses(forum, eventId)).toEqual({ going: 1, waitlisted: 2 });

    const cancelled = await (await first.client.htmx('POST', eventPath(threadId, eventId, '/rsvp'), { choice: 'not_going' })).text();
    expect(cancelled).toContain('1 of 1 places taken');
    expect(await statuses(forum, eventId)).toEqual({ going: 1, waitlisted: 1, not_going: 1 });
    const [promoted] = await rows<{ user_id: number }>(forum, sql`select user_id from events_rsvps where event_id = ${eventId} and status = 'going'`);
    expect(promoted?.user_id).toBe(second.user.id);
    const notes = await rows<{ user_id: number; type: string; data: { title: string } }>(forum, sql`select user_id, type, data from notifications where type like 'events.%'`);
    expect(notes).toEqual([{ user_id: second.user.id, type: 'events.promoted', data: { title: 'Board game night' } }]);
    expect(heard.slice(-2).map((h) => [h.userId, h.status])).toEqual([
      [first.user.id, 'not_going'],
      [second.user.id, 'going'],
    ]);
    expect(await (await second.client.get(eventPath(threadId, eventId))).text()).toContain('You are going.');
    expect(await (await third.client.get(eventPath(threadId, eventId))).text()).toContain('(place 1)');
    const notifications = await (await second.client.get('/notifications')).text();
    expect(notifications).toContain('A place opened up: you are now going to “Board game night”');
  });

  it('never exceeds capacity with 100 members replying at once, nor when some cancel at once', async () => {
    const { plugin, api } = capturingEvents();
    const { forum, eventId } = await withEvent({ events_capacity: '10' }, { plugin });
    const crowd = await bulkMembers(forum, 100);
    const results = await Promise.all(crowd.map((user) => setRsvp(api(), eventId, user, 'going')));
    expect(results.filter((r) => r.status === 'going')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(90);
    expect(await statuses(forum, eventId)).toEqual({ going: 10, waitlisted: 90 });

    const goingIds = (await rows<{ user_id: number }>(forum, sql`select user_id from events_rsvps where event_id = ${eventId} and status = 'going'`)).map((r) => r.user_id);
    const leaving = crowd.filter((u) => goingIds.includes(u.id)).slice(0, 5);
    const staying = crowd.filter((u) => !goingIds.includes(u.id)).slice(0, 20);
    await Promise.all([
      ...leaving.map((user) => setRsvp(api(), eventId, user, 'not_going')),
      ...staying.map((user) => setRsvp(api(), eventId, user, 'going')),
    ]);
    expect(await statuses(forum, eventId)).toEqual({ going: 10, waitlisted: 85, not_going: 5 });
  });
});
