import { loadCoreDashboard } from '../../core/analytics/service/panels.ts';
import { invitationFigures } from '../../core/analytics/service/invitations.ts';
import { inviteRedemptions, invites } from '../../core/invites/schema.ts';
import { createTestForum } from '../helpers/app.ts';

const ZONE = 'Asia/Shanghai';

describe('invitation figures on the growth panel', () => {
  it('counts links created and invitations accepted per period in the forum time zone, and the conversion', async () => {
    const forum = await createTestForum();
    const { user: inviter } = await forum.member({ username: 'inviter' });
    const joiners = [];
    for (let i = 0; i < 3; i++) joiners.push((await forum.member({ username: `joiner${i}` })).user);
    const expires = new Date('2027-01-01T00:00:00Z');
    // 2026-11-10 23:30 in Shanghai is 15:30 UTC the same day; 2026-11-11 00:30 in Shanghai is 16:30 UTC on the 10th
    const [a, b, c] = await forum.deps.db
      .insert(invites)
      .values([
        { code: 'aaaaaaaaaaaa', inviterId: inviter.id, maxUses: 5, expiresAt: expires, createdAt: new Date('2026-11-10T15:30:00Z') },
        { code: 'bbbbbbbbbbbb', inviterId: inviter.id, expiresAt: expires, createdAt: new Date('2026-11-10T16:30:00Z') },
        { code: 'cccccccccccc', inviterId: inviter.id, expiresAt: expires, createdAt: new Date('2026-11-03T02:00:00Z') },
      ])
      .returning();
    await forum.deps.db.insert(inviteRedemptions).values([
      { inviteId: a!.id, inviterId: inviter.id, userId: joiners[0]!.id, createdAt: new Date('2026-11-11T01:00:00Z') },
      { inviteId: a!.id, inviterId: inviter.id, userId: joiners[1]!.id, createdAt: new Date('2026-11-12T01:00:00Z') },
      { inviteId: c!.id, inviterId: inviter.id, userId: joiners[2]!.id, createdAt: new Date('2026-11-04T01:00:00Z') },
    ]);
    void b;

    // the week of 2026-11-11..17 (Shanghai): link b (00:30 on the 11th) and both redemptions of a
    expect(await invitationFigures(forum.deps.database, { from: '2026-11-11', to: '2026-11-17' }, ZONE)).toEqual({ created: 1, accepted: 2 });
    // the week before: link a (23:30 on the 10th) and the redemption of c; link c is from the 3rd
    expect(await invitationFigures(forum.deps.database, { from: '2026-11-04', to: '2026-11-10' }, ZONE)).toEqual({ created: 1, accepted: 1 });
    expect(await invitationFigures(forum.deps.database, { from: '2026-11-03', to: '2026-11-10' }, ZONE)).toEqual({ created: 2, accepted: 1 });

    const dashboard = await loadCoreDashboard({
      database: forum.deps.database,
      timeZone: ZONE,
      today: '2026-11-23',
      current: { from: '2026-11-11', to: '2026-11-17' },
      previous: { from: '2026-11-04', to: '2026-11-10' },
      categoryId: null,
    });
    const byKey = new Map(dashboard.growth.headlines.map((h) => [h.key, h]));
    expect(byKey.get('invitesCreated')).toMatchObject({ value: 1, previous: 1 });
    expect(byKey.get('invitesAccepted')).toMatchObject({ value: 2, previous: 1 });
    expect(byKey.get('inviteConversion')).toMatchObject({ value: 2, previous: 1, format: 'percent' });
  });
});
