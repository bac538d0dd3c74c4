import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityRecorderFor } from '../../core/activity/index.ts';
import { memberActiveDays } from '../../core/activity/schema.ts';
import { analyticsInvitedMembers, analyticsPageViews } from '../../core/analytics/schema.ts';
import { dayOf } from '../../core/analytics/time.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';

describe('activity recording', () => {
  let forum: TestForum;

  beforeAll(async () => {
    forum = await createTestForum();
    await updateSiteSettings(forum.deps.db, { timeZone: 'Pacific/Kiritimati' });
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('writes one active day per member per day, in the forum time zone', async () => {
    const { user, client } = await forum.member();
    for (let i = 0; i < 3; i++) expect((await client.get('/')).status).toBe(200);
    await settle();
    const rows = await forum.deps.db.select().from(memberActiveDays).where(eq(memberActiveDays.userId, user.id));
    // UTC+14: the forum's "today" is often a different date than UTC's
    expect(rows.map((r) => r.day)).toEqual([dayOf(new Date(), 'Pacific/Kiritimati')]);
  });

  it('counts page views in memory and adds them to one row per day and kind', async () => {
    // views buffered by earlier tests in this worker (another forum, another zone) are written first
    await activityRecorderFor(forum.deps.db, forum.deps.logger).flush();
    await forum.deps.db.delete(analyticsPageViews);
    const { client } = await forum.member();
    const guest = forum.client();
    await client.get('/');
    await client.get('/');
    await guest.get('/');
    await client.htmx('GET', '/'); // fragments are not page views
    await guest.get('/no-such-page'); // neither are errors
    await activityRecorderFor(forum.deps.db, forum.deps.logger).flush();
    const rows = await forum.deps.db.select().from(analyticsPageViews);
    const today = dayOf(new Date(), 'Pacific/Kiritimati');
    expect(rows.find((r) => r.kind === 'member')).toMatchObject({ day: today });
    const member = rows.find((r) => r.kind === 'member')!.views;
    const guestViews = rows.find((r) => r.kind === 'guest')!.views;
    await client.get('/');
    await activityRecorderFor(forum.deps.db, forum.deps.logger).flush();
    const after = await forum.deps.db.select().from(analyticsPageViews);
    expect(after).toHaveLength(2);
    expect(after.find((r) => r.kind === 'member')!.views).toBe(member + 1);
    expect(guestViews).toBe(1);
  });

  it('remembers who came through an invitation', async () => {
    const { user: inviter } = await forum.member();
    const { user } = await forum.member();
    await forum.deps.plugins.hooks.action('invite.accepted', { inviterId: inviter.id, user }, { user });
    const [row] = await forum.deps.db.select().from(analyticsInvitedMembers).where(eq(analyticsInvitedMembers.userId, user.id));
    expect(row).toMatchObject({ inviterId: inviter.id });
  });
});
