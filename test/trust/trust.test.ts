import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { memberActiveDays } from '../../core/activity/schema.ts';
import { moderationReports } from '../../core/moderation/schema.ts';
import { threadReads } from '../../core/watching/schema.ts';
import { categoryModerators, trustLevelChanges } from '../../core/trust/schema.ts';
import {
  addCategoryModerator,
  can,
  computeTrustLevel,
  recomputeAllTrustLevels,
  recomputeTrustLevel,
  reportWeight,
  saveTrustSettings,
  setTrustLevel,
  trustLevelOf,
  trustSettings,
  TRUST_RECOMPUTE_JOB,
  type TrustStats,
} from '../../core/trust/index.ts';
import { canReadCategory, canStartThread } from '../../core/forum/permissions.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';
import type { User } from '../../core/accounts/schema.ts';

const zero: TrustStats = { daysVisited: 0, postsRead: 0, readMinutes: 0, likesGiven: 0, likesReceived: 0, posts: 0, flagsAgainst: 0 };

/** Activity as the recorder and the read tracker leave it: rows, not counters we invent. */
async function activity(forum: TestForum, user: User, input: { days: number; threads: { id: number; read: number }[]; likesGiven?: number; likesReceived?: number; posts?: number }) {
  const { db } = forum.deps;
  for (let i = 0; i < input.days; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    await db.insert(memberActiveDays).values({ userId: user.id, day });
  }
  for (const t of input.threads) await db.insert(threadReads).values({ userId: user.id, threadId: t.id, lastReadPostNumber: t.read });
  await db
    .update(users)
    .set({ likesGiven: input.likesGiven ?? 0, likesReceived: input.likesReceived ?? 0, postCount: input.posts ?? 0 })
    .where(eq(users.id, user.id));
}

describe('trust levels: computation', () => {
  it('takes the highest level whose every threshold (and every lower one) is met', async () => {
    const forum = await createTestForum();
    const { thresholds } = await trustSettings(forum.deps.db);
    expect(computeTrustLevel(zero, thresholds)).toBe(0);
    const basic = { ...zero, daysVisited: 1, postsRead: 20, readMinutes: 5 };
    expect(computeTrustLevel(basic, thresholds)).toBe(1);
    // level 2 figures but one short: stays 1
    const almost = { ...basic, daysVisited: 10, postsRead: 100, readMinutes: 30, likesGiven: 1, likesReceived: 1, posts: 2 };
    expect(computeTrustLevel(almost, thresholds)).toBe(1);
    expect(computeTrustLevel({ ...almost, posts: 3 }, thresholds)).toBe(2);
    // too many upheld reports for level 2
    expect(computeTrustLevel({ ...almost, posts: 3, flagsAgainst: 4 }, thresholds)).toBe(1);
  });

  it('follows thresholds an admin changed', async () => {
    const forum = await createTestForum();
    const settings = await trustSettings(forum.deps.db);
    const easier = structuredClone(settings);
    easier.thresholds[0] = { daysVisited: 0, postsRead: 0, readMinutes: 0, likesGiven: 0, likesReceived: 0, posts: 0, maxFlagsAgainst: 100 };
    await saveTrustSettings(forum.deps.db, easier);
    const saved = await trustSettings(forum.deps.db);
    expect(computeTrustLevel(zero, saved.thresholds)).toBe(1);
  });
});

describe('trust levels: recompute, demotion, lock, history', () => {
  it('promotes from recorded activity, demotes on upheld reports, and logs each change', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { user: admin } = await forum.member({ role: 'admin' });
    const { user } = await forum.member();
    const cat = await category(forum, { name: 'General' });
    const t1 = await thread(forum, admin, { categoryId: cat.id });
    const t2 = await thread(forum, admin, { categoryId: cat.id, title: 'Another thread here' });
    await activity(forum, user, { days: 12, threads: [{ id: t1.thread.id, read: 150 }, { id: t2.thread.id, read: 150 }], likesGiven: 2, likesReceived: 3, posts: 5 });
    expect(await recomputeTrustLevel(db, user.id)).toBe(2);

    // four of the member's posts removed after reports: more than level 2 tolerates (3)
    for (const targetId of [101, 102, 103, 104]) {
      await db.insert(moderationReports).values({ targetType: 'post', targetId, targetUserId: user.id, reporterId: admin.id, reason: 'spam', outcome: 'removed', resolvedAt: new Date() });
    }
    expect(await recomputeTrustLevel(db, user.id)).toBe(1);
    const history = await db.select().from(trustLevelChanges).where(eq(trustLevelChanges.userId, user.id));
    expect(history.map((h) => [h.fromLevel, h.toLevel, h.reason])).toEqual([
      [0, 2, 'promoted'],
      [2, 1, 'demoted'],
    ]);
  });

  it('leaves a level staff locked alone, and the scheduled job recomputes everyone', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { user: admin } = await forum.member({ role: 'admin' });
    const { user: locked } = await forum.member();
    const { user: active } = await forum.member();
    const cat = await category(forum, { name: 'General' });
    const t = await thread(forum, admin, { categoryId: cat.id });
    await activity(forum, active, { days: 2, threads: [{ id: t.thread.id, read: 40 }] });
    await activity(forum, locked, { days: 2, threads: [{ id: t.thread.id, read: 40 }] });
    await setTrustLevel(db, admin, locked.id, { level: 3, locked: 'on', note: 'trusted organiser' });
    await forum.deps.jobs.send(TRUST_RECOMPUTE_JOB, {});
    await forum.deps.jobs.drain(TRUST_RECOMPUTE_JOB);
    const rows = await db.select({ id: users.id, level: users.trustLevel, locked: users.trustLevelLocked }).from(users);
    expect(rows.find((r) => r.id === active.id)?.level).toBe(1);
    expect(rows.find((r) => r.id === locked.id)).toMatchObject({ level: 3, locked: true });
    const result = await recomputeAllTrustLevels(db);
    expect(result.promoted + result.demoted).toBe(0);
  });
});

describe('abilities and weights', () => {
  it('unlocks abilities by level, staff have them all; reports weigh by level', async () => {
    const forum = await createTestForum();
    const settings = await trustSettings(forum.deps.db);
    const member = { role: 'member' as const, trustLevel: 0 };
    expect(trustLevelOf(member)).toBe(0);
    expect(can(member, 'postImages', settings)).toBe(false);
    expect(can({ ...member, trustLevel: 1 }, 'postImages', settings)).toBe(true);
    expect(can({ ...member, trustLevel: 3 }, 'editTitles', settings)).toBe(false);
    expect(can({ ...member, trustLevel: 4 }, 'recategorise', settings)).toBe(true);
    expect(can({ role: 'moderator', trustLevel: 0 }, 'recategorise', settings)).toBe(true);
    expect(can(null, 'sendMessages', settings)).toBe(false);
    expect([0, 1, 2, 3, 4].map((trustLevel) => reportWeight({ role: 'member', trustLevel }, settings))).toEqual([0, 1, 1, 2, 2]);
    expect(reportWeight({ role: 'admin', trustLevel: 0 }, settings)).toBe(3);
  });

  it('refuses a new member’s post with more links than level 0 allows, with a clear message', async () => {
    const forum = await createTestForum();
    const { user: admin } = await forum.member({ role: 'admin' });
    const cat = await category(forum, { name: 'General' });
    const t = await thread(forum, admin, { categoryId: cat.id });
    const { client } = await forum.member();
    const links = 'See https://a.example/1 https://b.example/2 https://c.example/3';
    const refused = await client.post(`/t/${t.thread.id}/reply`, { raw: links });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('at most 2 links');
    const fine = await client.post(`/t/${t.thread.id}/reply`, { raw: 'Only https://a.example/1 and https://b.example/2 here' });
    expect(fine.status).toBe(303);
  });

  it('new members may not start private messages when the level requires it', async () => {
    const forum = await createTestForum();
    const settings = await trustSettings(forum.deps.db);
    await saveTrustSettings(forum.deps.db, { ...settings, abilityLevels: { ...settings.abilityLevels, sendMessages: 1 } });
    const { user: other } = await forum.member();
    const { client } = await forum.member();
    const res = await client.post('/messages', { to: other.username, title: 'Hello', raw: 'Hi there, nice to meet you.' });
    expect(res.status).toBe(403);
  });
});

describe('category rules: minimum trust level and scoped moderators', () => {
  it('restricts reading and starting threads by trust level; a scoped moderator is staff only there', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const { user: admin } = await forum.member({ role: 'admin' });
    const lounge = await category(forum, { name: 'Lounge', minTrustRead: 2, minTrustStart: 3 });
    const other = await category(forum, { name: 'Other', readAccess: 'moderator' });
    const { user: member, client } = await forum.member();
    const t = await thread(forum, admin, { categoryId: lounge.id, title: 'Regulars only thread' });
    expect((await client.get(`/t/${t.thread.id}`)).status).toBe(404);
    await db.update(users).set({ trustLevel: 2 }).where(eq(users.id, member.id));
    expect((await client.get(`/t/${t.thread.id}`)).status).not.toBe(404);
    const viewer = { ...member, trustLevel: 2 };
    expect(canReadCategory(viewer, lounge)).toBe(true);
    expect(canStartThread(viewer, lounge)).toBe(false);
    expect(canStartThread({ ...viewer, trustLevel: 3 }, lounge)).toBe(true);

    await addCategoryModerator(db, admin, other.id, member.id);
    const [row] = await db.select().from(users).where(eq(users.id, member.id));
    expect(row!.moderatedCategoryIds).toEqual([other.id]);
    expect(await db.select().from(categoryModerators)).toHaveLength(1);
    expect(canReadCategory(row!, other)).toBe(true);
    expect(canReadCategory({ ...row!, moderatedCategoryIds: [] }, other)).toBe(false);
  });
});
