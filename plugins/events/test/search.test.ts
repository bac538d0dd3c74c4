import { sql } from 'drizzle-orm';
import { drain } from '../../../test/search/helpers.ts';
import { createEventThread, eventIdsOf, eventsForum, inDays } from './helpers.ts';

const titles = (html: string) => [...html.matchAll(/<a class="search-hit-title" href="[^"]*">(.*?)<\/a>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('events in search', () => {
  it('every occurrence is a search document with an event-date facet, hidden with its thread', async () => {
    const { forum, category, organiser } = await eventsForum({ organiserRole: 'moderator' });
    const { threadId } = await createEventThread(organiser.client, category.id, { events_venue: 'Riverside park' }, 'Picnic by the river');
    const later = await createEventThread(organiser.client, category.id, { events_starts: inDays(40, '10:00'), events_ends: inDays(40, '12:00'), events_venue: 'Riverside park' }, 'Later picnic');
    expect(later.res.status).toBe(303);
    const [eventId] = await eventIdsOf(forum, threadId);
    const guest = forum.client();
    const find = async (params: Record<string, string>) => titles(await (await guest.get(`/search?${new URLSearchParams({ type: 'events_event', ...params })}`)).text());
    expect((await find({ q: 'riverside' })).sort()).toEqual(['Later picnic', 'Picnic by the river']);
    expect(await find({ q: 'riverside', 'f.event_starts_at.max': inDays(20, '00:00').slice(0, 10) })).toEqual(['Picnic by the river']);
    expect(await find({ q: 'riverside', 'f.event_starts_at.min': inDays(20, '00:00').slice(0, 10) })).toEqual(['Later picnic']);
    const page = await (await guest.get('/search?type=events_event&q=picnic')).text();
    expect(page).toContain(`/t/${threadId}#events-event-${eventId}`);
    await forum.deps.database.rows(sql`update threads set deleted_at = now() where id = ${threadId}`);
    await drain(forum);
    expect(await find({ q: 'riverside' })).toEqual(['Later picnic']);
  });
});
