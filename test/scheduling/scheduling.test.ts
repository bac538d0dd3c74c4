import { eq } from 'drizzle-orm';
import { threads } from '../../core/forum/schema.ts';
import { notifications } from '../../core/notifications/schema.ts';
import { PUBLISH_THREAD_JOB, PUBLISH_SWEEP_JOB, zonedLocalToDate, dateToZonedLocal } from '../../core/scheduling/index.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { categoryWatches } from '../../core/watching/schema.ts';
import { createTestForum } from '../helpers/app.ts';
import { category } from '../forum/helpers.ts';

describe('scheduled publishing (运营日历)', () => {
  it('reads the composer time in the forum’s time zone', () => {
    expect(zonedLocalToDate('2026-05-01T09:30', 'Asia/Shanghai')!.toISOString()).toBe('2026-05-01T01:30:00.000Z');
    expect(zonedLocalToDate('2026-07-01T09:30', 'Europe/Berlin')!.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedLocalToDate('2026-02-30T09:30', 'UTC')).toBeNull();
    expect(zonedLocalToDate('tomorrow', 'UTC')).toBeNull();
    expect(dateToZonedLocal(new Date('2026-05-01T01:30:00Z'), 'Asia/Shanghai')).toBe('2026-05-01T09:30');
  });

  it('keeps a scheduled thread from members until the job publishes it, then notifies watchers', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    await updateSiteSettings(db, { timeZone: 'Asia/Shanghai' });
    const cat = await category(forum, { name: 'Announcements' });
    const { client: staff } = await forum.member({ role: 'moderator' });
    const { user: watcher, client: member } = await forum.member();
    await db.insert(categoryWatches).values({ userId: watcher.id, categoryId: cat.id, level: 'watching' });

    expect(await (await staff.get('/new')).text()).toContain('name="publishAt"');
    expect(await (await member.get('/new')).text()).not.toContain('name="publishAt"');
    const at = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const res = await staff.post('/new', { categoryId: String(cat.id), title: 'Market day on Saturday', raw: 'Come along!', publishAt: dateToZonedLocal(at, 'Asia/Shanghai') });
    expect(res.status).toBe(303);
    const [thread] = await db.select().from(threads);
    expect(thread!.publishAt!.getTime()).toBe(Math.floor(at.getTime() / 60000) * 60000);

    expect((await member.get(`/t/${thread!.id}`)).status).toBe(404);
    expect(await (await member.get('/latest')).text()).not.toContain('Market day');
    expect((await staff.get(`/t/${thread!.id}`)).status).not.toBe(404);
    expect(await (await staff.get('/scheduled')).text()).toContain('Market day on Saturday');
    expect(await db.select().from(notifications).where(eq(notifications.userId, watcher.id))).toHaveLength(0);

    // not due yet: the job does nothing
    await forum.deps.jobs.send(PUBLISH_THREAD_JOB, { threadId: thread!.id });
    await forum.deps.jobs.drain(PUBLISH_THREAD_JOB);
    expect((await db.select().from(threads))[0]!.publishAt).not.toBeNull();

    // the time comes
    await db.update(threads).set({ publishAt: new Date(Date.now() - 1000) }).where(eq(threads.id, thread!.id));
    await forum.deps.jobs.send(PUBLISH_SWEEP_JOB, {});
    await forum.deps.jobs.drain(PUBLISH_SWEEP_JOB);
    const [published] = await db.select().from(threads);
    expect(published!.publishAt).toBeNull();
    expect(published!.createdAt.getTime()).toBeGreaterThan(thread!.createdAt.getTime());
    expect((await member.get(`/t/${thread!.id}`)).status).not.toBe(404);
    expect(await (await member.get('/latest')).text()).toContain('Market day');
    expect(await db.select().from(notifications).where(eq(notifications.userId, watcher.id))).toHaveLength(1);
  });

  it('refuses a past time and members scheduling; staff publish now, reschedule and cancel', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const cat = await category(forum, { name: 'News' });
    const { client: staff } = await forum.member({ role: 'admin' });
    const { client: member } = await forum.member();
    const past = await staff.post('/new', { categoryId: String(cat.id), title: 'Too late for this', raw: 'x y z', publishAt: '2020-01-01T10:00' });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('must be in the future');
    const sneaky = await member.post('/new', { categoryId: String(cat.id), title: 'Sneaky schedule', raw: 'x y z', publishAt: '2099-01-01T10:00' });
    expect(sneaky.status).toBe(422);
    expect(await db.select().from(threads)).toHaveLength(0);

    const later = dateToZonedLocal(new Date(Date.now() + 86_400_000), 'UTC');
    for (const title of ['First scheduled one', 'Second scheduled one']) {
      expect((await staff.post('/new', { categoryId: String(cat.id), title, raw: 'Body text', publishAt: later })).status).toBe(303);
    }
    const [a, b] = await db.select().from(threads).orderBy(threads.id);
    expect((await member.post(`/scheduled/${a!.id}/publish`)).status).toBe(403);
    expect((await staff.post(`/scheduled/${a!.id}/publish`)).status).toBe(303);
    expect((await db.select().from(threads).where(eq(threads.id, a!.id)))[0]!.publishAt).toBeNull();

    const moved = dateToZonedLocal(new Date(Date.now() + 3 * 86_400_000), 'UTC');
    expect((await staff.post(`/scheduled/${b!.id}/reschedule`, { publishAt: moved })).status).toBe(303);
    expect(dateToZonedLocal((await db.select().from(threads).where(eq(threads.id, b!.id)))[0]!.publishAt!, 'UTC')).toBe(moved);
    expect((await staff.post(`/scheduled/${b!.id}/reschedule`, { publishAt: 'soon' })).status).toBe(400);
    expect((await staff.post(`/scheduled/${b!.id}/cancel`)).status).toBe(303);
    expect((await db.select().from(threads).where(eq(threads.id, b!.id)))[0]!.deletedAt).not.toBeNull();
    expect(await (await staff.get('/scheduled')).text()).toContain('Nothing is scheduled.');
  });
});
