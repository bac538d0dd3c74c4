import { categories, memberActiveDays, postLikes, posts, threads, users } from '../../core/db/schema.ts';
import { analyticsInvitedMembers } from '../../core/analytics/schema.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import type { TestForum } from '../helpers/app.ts';

export const ZONE = 'Asia/Shanghai';
/** A local time in the forum's zone (UTC+8, no DST) as an instant. */
export const local = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/**
 * A small, fully known history in March 2026 (weeks start Monday 2 and Monday 9 March). Every figure the
 * tests expect is worked out by hand in history.md next to this file.
 */
export async function seedHistory(forum: TestForum) {
  const db = forum.deps.db;
  await updateSiteSettings(db, { timeZone: ZONE });
  const user = async (username: string, createdAt: Date, role: 'member' | 'admin' = 'member') => {
    const [row] = await db.insert(users).values({ username, usernameKey: username, displayName: username, email: `${username}@example.com`, emailKey: `${username}@example.com`, passwordHash: 'x', role, createdAt }).returning();
    return row!;
  };
  const admin = await user('boss', local('2026-02-01', '09:00'), 'admin');
  const u1 = await user('u1', local('2026-03-02', '10:00'));
  // 17:00 UTC on 2 March, but 01:00 on 3 March in the forum's zone: joins on the 3rd
  const u2 = await user('u2', local('2026-03-03', '01:00'));
  const u3 = await user('u3', local('2026-03-04', '12:00'));
  const u4 = await user('u4', local('2026-03-09', '09:00'));
  const u5 = await user('u5', local('2026-03-09', '20:00'));
  await db.insert(analyticsInvitedMembers).values({ userId: u3.id, inviterId: u1.id });

  const [catA] = await db.insert(categories).values({ name: 'News', slug: 'news', position: 1 }).returning();
  // a name a spreadsheet would run as a formula: the CSV export must neutralise it
  const [catB] = await db.insert(categories).values({ name: '=HYPERLINK("http://x")', slug: 'tricky', position: 2 }).returning();

  const visits: [number, string][] = [
    [admin.id, '2026-03-02'],
    [admin.id, '2026-03-09'],
    [u1.id, '2026-03-02'],
    [u1.id, '2026-03-03'],
    [u1.id, '2026-03-09'],
    [u2.id, '2026-03-03'],
    [u2.id, '2026-03-04'],
    [u2.id, '2026-03-10'],
    [u4.id, '2026-03-09'],
    [u4.id, '2026-03-10'],
    [u4.id, '2026-03-16'],
    [u5.id, '2026-03-10'],
  ];
  await db.insert(memberActiveDays).values(visits.map(([userId, day]) => ({ userId, day })));

  const [t1] = await db
    .insert(threads)
    .values({ categoryId: catA!.id, authorId: u1.id, title: 'Welcome thread', slug: 'welcome-thread', featured: true, createdAt: local('2026-03-02', '10:30') })
    .returning();
  // 15:30 UTC on 5 March = 23:30 local, still the 5th
  const [t2] = await db
    .insert(threads)
    .values({ categoryId: catB!.id, authorId: u2.id, title: 'Second thread', slug: 'second-thread', createdAt: local('2026-03-05', '23:30') })
    .returning();
  const post = async (threadId: number, authorId: number, number: number, at: Date, deleted = false) => {
    const [row] = await db
      .insert(posts)
      .values({ threadId, authorId, number, raw: 'text', html: '<p>text</p>', createdAt: at, deletedAt: deleted ? at : null })
      .returning();
    return row!;
  };
  const p1 = await post(t1!.id, u1.id, 1, local('2026-03-02', '10:30'));
  await post(t1!.id, u2.id, 2, local('2026-03-04', '09:00'));
  // 16:30 UTC on the 5th, but 00:30 on the 6th locally
  await post(t1!.id, u3.id, 3, local('2026-03-06', '00:30'));
  // deleted: not output, but writing it made u1 active that day
  await post(t1!.id, u1.id, 4, local('2026-03-04', '10:00'), true);
  const p21 = await post(t2!.id, u2.id, 1, local('2026-03-05', '23:30'));
  for (let n = 2; n <= 6; n++) await post(t2!.id, u4.id, n, local('2026-03-10', `0${n + 6}:00`.slice(-5)));
  await db.insert(postLikes).values([
    { postId: p1.id, userId: u3.id, createdAt: local('2026-03-07', '20:00') },
    { postId: p21.id, userId: u1.id, createdAt: local('2026-03-10', '12:00') },
  ]);
  return { admin, u1, u2, u3, u4, u5, catA: catA!, catB: catB!, t1: t1!, t2: t2! };
}
