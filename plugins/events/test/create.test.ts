import { sql } from 'drizzle-orm';
import { createEventThread, eventIdsOf, eventsForum, inDays, rows, withEvent } from './helpers.ts';

describe('making a thread an event in the composer', () => {
  it('stores the event with its times in UTC and shows it in the thread', async () => {
    const { forum, threadId, eventId, organiser } = await withEvent({ events_capacity: '12', events_online_url: 'https://meet.example.com/abc' });
    const [row] = await rows<{ venue: string; online_url: string; capacity: number; created_by_id: number; time_zone: string }>(
      forum,
      sql`select venue, online_url, capacity, created_by_id, time_zone from events_events where id = ${eventId}`,
    );
    expect(row).toEqual({ venue: 'Community hall, 1 Main St', online_url: 'https://meet.example.com/abc', capacity: 12, created_by_id: organiser.user.id, time_zone: 'UTC' });
    // the bare /t/:id redirects to the canonical thread URL
    const canonical = (await organiser.client.get(`/t/${threadId}`)).headers.get('location') ?? `/t/${threadId}`;
    const html = await (await organiser.client.get(canonical)).text();
    expect(html).toContain(`id="events-event-${eventId}"`);
    expect(html).toContain('0 of 12 places taken');
    expect(html).toContain('Check-in list');
  });

  it('refuses a bad event with the field’s message and creates no thread', async () => {
    const { forum, organiser, category } = await eventsForum();
    for (const [fields, message] of [
      [{ events_ends: inDays(9, '10:00') }, 'The end cannot be before the start.'],
      [{ events_starts: '2001-01-01T10:00', events_ends: '2001-01-01T11:00' }, 'The start must be in the future.'],
      [{ events_venue: '', events_online_url: '' }, 'Give an online link or a venue address.'],
      [{ events_online_url: 'javascript:alert(1)' }, 'The online link must be a web address'],
      [{ events_capacity: '0' }, 'Capacity must be a whole number'],
      [{ events_organisers: 'nobody_here' }, 'No member is called nobody_here.'],
      [{ events_repeat: 'weekly', events_repeat_count: '99' }, 'A series has from 2'],
    ] as const) {
      const { res } = await createEventThread(organiser.client, category.id, fields, 'Refused event');
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect(await rows(forum, sql`select 1 from threads where title = 'Refused event'`)).toEqual([]);
  });

  it('a category where only staff create events refuses members', async () => {
    const { forum, organiser, category } = await eventsForum({ overrides: { whoCanCreate: 'staff' } });
    const { res } = await createEventThread(organiser.client, category.id);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Only staff may create events in this category.');
    const admin = await forum.member({ role: 'admin' });
    expect((await createEventThread(admin.client, category.id)).res.status).toBe(303);
  });

  it('co-organisers named in the composer may open the check-in list; other members may not', async () => {
    const { forum, category, organiser } = await eventsForum();
    const helper = await forum.member({ username: 'helper_hu' });
    const other = await forum.member();
    const { threadId } = await createEventThread(organiser.client, category.id, { events_organisers: '@Helper_Hu' });
    const [eventId] = await eventIdsOf(forum, threadId);
    expect((await helper.client.get(`/plugins/events/t/${threadId}/e/${eventId}/check-in`)).status).toBe(200);
    expect((await other.client.get(`/plugins/events/t/${threadId}/e/${eventId}/check-in`)).status).toBe(403);
    expect((await other.client.get(`/plugins/events/t/${threadId}/e/${eventId}/attendees.csv`)).status).toBe(403);
  });

  it('events stay off in categories where the plugin is not on', async () => {
    const { forum, organiser } = await eventsForum();
    const { insertCategory } = await import('../../../test/plugins/helpers.ts');
    const elsewhere = await insertCategory(forum.deps.db, 'General');
    const { res, threadId } = await createEventThread(organiser.client, elsewhere.id);
    expect(res.status).toBe(303);
    expect(await eventIdsOf(forum, threadId)).toEqual([]);
  });
});
