import { eq, sql } from 'drizzle-orm';
import { badgesRewards } from '../schema.ts';
import { grant } from '../service/points.ts';
import { cancel, redeem } from '../service/redeem.ts';
import { badgesForum, count, heldBadges, points } from './helpers.ts';

async function reward(forum: Awaited<ReturnType<typeof badgesForum>>, values: Partial<typeof badgesRewards.$inferInsert> = {}) {
  const [row] = await forum.api.db.insert(badgesRewards).values({ kind: 'gift', name: 'Forum mug', cost: 30, stock: null, ...values }).returning();
  return row!;
}

describe('redemption (积分兑换)', () => {
  it('50 concurrent redemptions by one member never overdraw the balance', async () => {
    const f = await badgesForum();
    const { user } = await f.forum.member();
    await grant(f.api, { userId: user.id, points: 100, reason: 'manual', key: 'seed' });
    const mug = await reward(f, { cost: 30 });
    const results = await Promise.all(Array.from({ length: 50 }, () => redeem(f.api, user.id, mug.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'insufficient')).toHaveLength(47);
    const p = await points(f.forum, user.id);
    expect(p.balance).toBe(10);
    expect(p.ledger.balance).toBe(10);
    expect(p.lifetime).toBe(100);
    expect(await count(f.forum, sql`select count(*)::int as n from badges_redemptions`)).toBe(3);
  });

  it('50 members racing for a reward with 5 in stock: exactly 5 get it', async () => {
    const f = await badgesForum();
    const members = [];
    for (let i = 0; i < 50; i++) {
      const { user } = await f.forum.member();
      await grant(f.api, { userId: user.id, points: 50, reason: 'manual', key: `seed-${user.id}` });
      members.push(user);
    }
    const seat = await reward(f, { kind: 'event_seat', name: 'Front row', cost: 20, stock: 5, eventThreadId: 1 });
    const results = await Promise.all(members.map((m) => redeem(f.api, m.id, seat.id, 'aisle please')));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'out-of-stock')).toHaveLength(45);
    const [left] = await f.api.db.select().from(badgesRewards).where(eq(badgesRewards.id, seat.id));
    expect(left!.stock).toBe(0);
    expect(await count(f.forum, sql`select count(*)::int as n from badges_ledger where reason = 'redemption'`)).toBe(5);
    expect(await count(f.forum, sql`select count(*)::int as n from badges_members where balance <> 50 and balance <> 30`)).toBe(0);
    expect(await count(f.forum, sql`select count(*)::int as n from badges_redemptions where status = 'pending'`)).toBe(5);
  });

  it('delivers titles and badges at once, refuses a badge twice, and refuses withdrawn rewards', async () => {
    const f = await badgesForum();
    const { user } = await f.forum.member();
    await grant(f.api, { userId: user.id, points: 500, reason: 'manual', key: 'seed' });
    const title = await reward(f, { kind: 'title', name: 'Title: Night owl', cost: 50, title: 'Night owl' });
    const [badge] = await f.forum.deps.database.rows<{ id: number }>(sql`insert into badges_badges (slug, name, tier) values ('custom-vip', 'VIP', 'gold') returning id`);
    const vip = await reward(f, { kind: 'badge', name: 'VIP badge', cost: 100, badgeId: badge!.id });
    expect((await redeem(f.api, user.id, title.id)).ok).toBe(true);
    expect((await redeem(f.api, user.id, vip.id)).ok).toBe(true);
    expect(await redeem(f.api, user.id, vip.id)).toEqual({ ok: false, reason: 'already-owned' });
    expect(await heldBadges(f.forum, user.id)).toEqual(['custom-vip']);
    const [m] = await f.forum.deps.database.rows<{ title: string }>(sql`select title from badges_members where user_id = ${user.id}`);
    expect(m!.title).toBe('Night owl');
    await f.api.db.update(badgesRewards).set({ active: false }).where(eq(badgesRewards.id, title.id));
    expect(await redeem(f.api, user.id, title.id)).toEqual({ ok: false, reason: 'not-found' });
    expect((await points(f.forum, user.id)).balance).toBe(350);
    expect(await count(f.forum, sql`select count(*)::int as n from badges_redemptions where status = 'fulfilled'`)).toBe(2);
  });

  it('staff cancel a pending redemption: points and stock come back, through the ledger', async () => {
    const f = await badgesForum();
    const { user, client } = await f.forum.member();
    const { user: mod, client: modClient } = await f.forum.member({ role: 'moderator' });
    await grant(f.api, { userId: user.id, points: 40, reason: 'manual', key: 'seed' });
    const mug = await reward(f, { cost: 30, stock: 1 });
    const res = await client.htmx('POST', `/plugins/badges/rewards/${mug.id}/redeem`, { note: 'Room 4, Main St' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Staff will be in touch');
    const soldOut = await client.htmx('POST', `/plugins/badges/rewards/${mug.id}/redeem`);
    expect(soldOut.status).toBe(409);
    const [row] = await f.forum.deps.database.rows<{ id: number }>(sql`select id from badges_redemptions`);
    // members cannot see the staff queue
    expect((await client.get('/plugins/badges/redemptions')).status).toBe(403);
    const queue = await (await modClient.get('/plugins/badges/redemptions')).text();
    expect(queue).toContain('Room 4, Main St');
    const cancelled = await modClient.post(`/plugins/badges/redemptions/${row!.id}/cancel`);
    expect(cancelled.headers.get('location')).toContain('notice=cancelled');
    expect(await cancel(f.api, row!.id, mod.id)).toBeNull();
    const p = await points(f.forum, user.id);
    expect(p.balance).toBe(40);
    expect(p.ledger.balance).toBe(40);
    const [left] = await f.api.db.select().from(badgesRewards).where(eq(badgesRewards.id, mug.id));
    expect(left!.stock).toBe(1);
  });

  it('staff fulfil: the member is notified and a second click finds it handled', async () => {
    const f = await badgesForum();
    const { user, client } = await f.forum.member();
    const { client: admin } = await f.forum.member({ role: 'admin' });
    await grant(f.api, { userId: user.id, points: 40, reason: 'manual', key: 'seed' });
    const mug = await reward(f, { cost: 30 });
    await client.post(`/plugins/badges/rewards/${mug.id}/redeem`);
    const [row] = await f.forum.deps.database.rows<{ id: number }>(sql`select id from badges_redemptions`);
    expect((await admin.post(`/plugins/badges/redemptions/${row!.id}/fulfil`)).headers.get('location')).toContain('notice=fulfilled');
    expect((await admin.post(`/plugins/badges/redemptions/${row!.id}/fulfil`)).headers.get('location')).toContain('notice=stale');
    expect(await count(f.forum, sql`select count(*)::int as n from notifications where user_id = ${user.id} and type = 'badges.redemptionFulfilled'`)).toBe(1);
    const me = await (await client.get('/plugins/badges/me')).text();
    expect(me).toContain('Handed over');
  });

  it('a note that is too long is refused with a message', async () => {
    const f = await badgesForum();
    const { user, client } = await f.forum.member();
    await grant(f.api, { userId: user.id, points: 40, reason: 'manual', key: 'seed' });
    const mug = await reward(f, { cost: 30 });
    const res = await client.htmx('POST', `/plugins/badges/rewards/${mug.id}/redeem`, { note: 'x'.repeat(501) });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('at most 500 characters');
    expect((await points(f.forum, user.id)).balance).toBe(40);
  });
});
