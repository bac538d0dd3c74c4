import { sql } from 'drizzle-orm';
import { createTestForum, type TestClient, type TestForum } from '../../../test/helpers/app.ts';
import { insertCategory } from '../../../test/plugins/helpers.ts';
import { users, type User } from '../../../core/plugins/api.ts';
import events from '../plugin.tsx';
import type { EventsApi } from '../settings.ts';

export { events };

/** A forum with the events plugin on in one category, and an organiser. */
/** `organiserRole` moderator: staff skip the new-thread rate limit, for tests that start several threads. */
export async function eventsForum(options: { overrides?: Record<string, unknown>; env?: Record<string, string>; plugin?: typeof events; organiserRole?: 'moderator' } = {}) {
  const forum = await createTestForum({ plugins: [options.plugin ?? events], env: options.env });
  const category = await insertCategory(forum.deps.db, 'Meetups');
  await forum.deps.pluginHost.state.setCategory('events', category.id, true, options.overrides);
  const organiser = await forum.member({ role: options.organiserRole });
  return { forum, category, organiser };
}

/** A local datetime-local value `days` from now at hh:mm (UTC wall clock). */
export function inDays(days: number, time = '18:00'): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

/** Starts an event thread through the real composer route; returns its thread and first event ids. */
export async function createEventThread(
  client: TestClient,
  categoryId: number,
  fields: Record<string, string> = {},
  title = 'Board game night',
): Promise<{ threadId: number; eventId: number; res: Response }> {
  const res = await client.post('/new', {
    categoryId: String(categoryId),
    title,
    raw: 'Bring your favourite game.',
    events_tz: 'UTC',
    events_starts: inDays(10, '18:00'),
    events_ends: inDays(10, '21:00'),
    events_venue: 'Community hall, 1 Main St',
    ...fields,
  });
  const threadId = Number(/\/t\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1] ?? 0);
  return { threadId, eventId: 0, res };
}

export async function eventIdsOf(forum: TestForum, threadId: number): Promise<number[]> {
  const rows = await forum.deps.database.rows<{ id: number }>(sql`select id from events_events where thread_id = ${threadId} order by starts_at`);
  return rows.map((r) => r.id);
}

export async function rows<T extends Record<string, unknown>>(forum: TestForum, query: ReturnType<typeof sql>): Promise<T[]> {
  return forum.deps.database.rows<T>(query);
}

export const eventPath = (threadId: number, eventId: number, rest = '') => `/plugins/events/t/${threadId}/e/${eventId}${rest}`;

/** A thread with one event, created through the composer. */
export async function withEvent(fields: Record<string, string> = {}, options: { overrides?: Record<string, unknown>; plugin?: typeof events } = {}) {
  const setup = await eventsForum(options);
  const { threadId, res } = await createEventThread(setup.organiser.client, setup.category.id, fields);
  if (res.status !== 303) throw new Error(`event not created: ${res.status} ${(await res.text()).slice(0, 500)}`);
  const [eventId] = await eventIdsOf(setup.forum, threadId);
  return { ...setup, threadId, eventId: eventId! };
}

/** The plugin with its real API captured, for calling services directly (the same api routes get). */
export function capturingEvents() {
  const box: { api?: EventsApi } = {};
  const plugin = { ...events, setup: (api: EventsApi) => { box.api = api; return events.setup(api); } } as typeof events;
  return { plugin, api: () => box.api! };
}

/** Many members at once, inserted directly (no password hashing): for concurrency tests. */
export async function bulkMembers(forum: TestForum, count: number, prefix = 'crowd'): Promise<User[]> {
  const values = Array.from({ length: count }, (_, i) => ({
    username: `${prefix}${i}`,
    usernameKey: `${prefix}${i}`,
    displayName: `${prefix} ${i}`,
    email: `${prefix}${i}@example.com`,
    emailKey: `${prefix}${i}@example.com`,
    passwordHash: 'x',
  }));
  return forum.deps.db.insert(users).values(values).returning();
}
