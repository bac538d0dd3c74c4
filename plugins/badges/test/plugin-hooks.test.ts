import { sql } from 'drizzle-orm';
import type { HookContext } from '../../../core/plugins/api.ts';
import { badgesForum, count, heldBadges, points, reply, startThread } from './helpers.ts';

/** qa, events, polls and invites are other plugins or areas: their hooks are fired here as they would fire them. */
describe('points and badges from other plugins’ hooks', () => {
  it('qa: an accepted answer earns points and the first-answer badge; un-accepting takes them back; re-accepting earns again', async () => {
    const { forum, category } = await badgesForum();
    const { user: asker } = await forum.member();
    const { user: helper } = await forum.member();
    const { user: other } = await forum.member();
    const { thread } = await startThread(forum, asker, category.id);
    const answer = await reply(forum, helper, thread.id);
    const second = await reply(forum, other, thread.id);
    const hooks = forum.deps.plugins.hooks;
    const ctx: HookContext = { user: asker, categoryId: category.id };
    const base = (await points(forum, helper.id)).balance;
    await hooks.action('qa.answerAccepted', { thread, answer, acceptedBy: asker, previousAnswerId: null }, ctx);
    await hooks.action('qa.answerAccepted', { thread, answer, acceptedBy: asker, previousAnswerId: null }, ctx); // retried
    expect((await points(forum, helper.id)).balance).toBe(base + 15);
    expect(await heldBadges(forum, helper.id)).toContain('first-answer');
    // the asker switches to another answer: the first one's points go
    await hooks.action('qa.answerAccepted', { thread, answer: second, acceptedBy: asker, previousAnswerId: answer.id }, ctx);
    expect((await points(forum, helper.id)).balance).toBe(base);
    expect((await points(forum, other.id)).balance).toBe(2 + 15);
    await hooks.action('qa.answerUnaccepted', { thread, answer: second, by: asker }, ctx);
    expect((await points(forum, other.id)).balance).toBe(2);
    // and back to the first one: it earns again, once
    await hooks.action('qa.answerAccepted', { thread, answer, acceptedBy: asker, previousAnswerId: null }, ctx);
    await hooks.action('qa.answerAccepted', { thread, answer, acceptedBy: asker, previousAnswerId: null }, ctx);
    const p = await points(forum, helper.id);
    expect(p.balance).toBe(base + 15);
    expect(p.balance).toBe(p.ledger.balance);
    // each helper holds the badge once, and keeps it after an un-accept
    expect(await count(forum, sql`select count(*)::int as n from badges_grants g join badges_badges b on b.id = g.badge_id where b.slug = 'first-answer' and g.user_id = ${helper.id}`)).toBe(1);
    expect(await heldBadges(forum, other.id)).toContain('first-answer');
  });

  it('qa: accepting your own answer earns nothing', async () => {
    const { forum, category } = await badgesForum();
    const { user: asker } = await forum.member();
    const { thread } = await startThread(forum, asker, category.id);
    const own = await reply(forum, asker, thread.id);
    const before = (await points(forum, asker.id)).balance;
    await forum.deps.plugins.hooks.action('qa.answerAccepted', { thread, answer: own, acceptedBy: asker, previousAnswerId: null }, { user: asker });
    expect((await points(forum, asker.id)).balance).toBe(before);
  });

  it('events: attending earns points and the event badge, once per event', async () => {
    const { forum, category } = await badgesForum();
    const { user: host } = await forum.member();
    const { user: guest } = await forum.member();
    const { thread } = await startThread(forum, host, category.id);
    for (let i = 0; i < 2; i++) await forum.deps.plugins.hooks.action('events.attended', { thread, userId: guest.id, markedBy: host }, { user: host });
    expect((await points(forum, guest.id)).balance).toBe(10);
    expect(await heldBadges(forum, guest.id)).toEqual(['event-attendee']);
  });

  it('polls: a vote earns once per poll (a changed vote does not), anonymous votes earn nothing', async () => {
    const { forum, category } = await badgesForum({ settings: { pointsPoll: 2 } });
    const { user } = await forum.member();
    const hooks = forum.deps.plugins.hooks;
    await hooks.action('polls.voted', { pollId: 7, threadId: 1, kind: 'poll', userId: user.id, changed: false }, { user, categoryId: category.id });
    await hooks.action('polls.voted', { pollId: 7, threadId: 1, kind: 'poll', userId: user.id, changed: true }, { user, categoryId: category.id });
    await hooks.action('polls.voted', { pollId: 8, threadId: 1, kind: 'survey', userId: null, changed: false }, { user, categoryId: category.id });
    expect((await points(forum, user.id)).balance).toBe(2);
  });

  it('invites: each accepted invitation earns points; the fifth brings the ambassador badge', async () => {
    const { forum } = await badgesForum({ settings: { capInvite: 0 } });
    const { user: inviter } = await forum.member();
    for (let i = 0; i < 5; i++) {
      const { user } = await forum.member();
      await forum.deps.plugins.hooks.action('invite.accepted', { inviterId: inviter.id, user }, { user });
      if (i === 3) expect(await heldBadges(forum, inviter.id)).toEqual([]);
    }
    expect((await points(forum, inviter.id)).balance).toBe(100);
    expect(await heldBadges(forum, inviter.id)).toEqual(['inviter-5']);
  });

  it('a signup bonus when the admin sets one', async () => {
    const { forum } = await badgesForum({ settings: { pointsSignup: 10 } });
    const { user } = await forum.member();
    await forum.deps.plugins.hooks.action('user.registered', { user }, { user });
    await forum.deps.plugins.hooks.action('user.registered', { user }, { user });
    expect((await points(forum, user.id)).balance).toBe(10);
  });
});
