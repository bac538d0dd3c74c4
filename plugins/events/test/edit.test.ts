import { sql } from 'drizzle-orm';
import { eventPath, inDays, rows, withEvent } from './helpers.ts';

describe('editing an event', () => {
  it('organisers change time and capacity: more places promote the waitlist, a new start reschedules the reminder', async () => {
    const { forum, threadId, eventId, organiser } = await withEvent({ events_capacity: '1' });
    const going = await forum.member();
    const waiting = await forum.member();
    await going.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });
    await waiting.client.post(eventPath(threadId, eventId, '/rsvp'), { choice: 'going' });

    const form = await (await organiser.client.get(eventPath(threadId, eventId, '/edit'))).text();
    expect(form).toContain('value="Community hall, 1 Main St"');
    expect(form).toContain(`value="${inDays(10, '18:00')}"`);
    expect(form).not.toContain('name="events_repeat"');

    const fields = { events_tz: 'UTC', events_starts: inDays(11, '19:00'), events_ends: inDays(11, '22:00'), events_venue: 'New hall', events_capacity: '2' };
    const bad = await organiser.client.post(eventPath(threadId, eventId, '/edit'), { ...fields, events_ends: inDays(11, '08:00') });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('The end cannot be before the start.');

    expect((await going.client.post(eventPath(threadId, eventId, '/edit'), fields)).status).toBe(403);
    const saved = await organiser.client.post(eventPath(threadId, eventId, '/edit'), fields);
    expect(saved.status).toBe(303);
    const [event] = await rows<{ venue: string; capacity: number; starts_at: Date }>(forum, sql`select venue, capacity, starts_at from events_events where id = ${eventId}`);
    expect(event!.venue).toBe('New hall');
    expect(event!.capacity).toBe(2);
    expect(new Date(event!.starts_at).toISOString()).toBe(`${inDays(11, '19:00')}:00.000Z`);
    expect(await rows(forum, sql`select user_id from events_rsvps where event_id = ${eventId} and status = 'going' order by user_id`)).toEqual(
      [going.user.id, waiting.user.id].sort((a, b) => a - b).map((user_id) => ({ user_id })),
    );
    expect(await rows(forum, sql`select 1 from notifications where type = 'events.promoted' and user_id = ${waiting.user.id}`)).toHaveLength(1);
    const jobs = await rows<{ start_after: Date }>(forum, sql`select start_after from pgboss.job where name = 'events.remind' order by start_after`);
    expect(jobs.map((j) => new Date(j.start_after).toISOString())).toContain(new Date(new Date(event!.starts_at).getTime() - 24 * 3_600_000).toISOString());
  });
});
