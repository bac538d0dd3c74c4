import { and, eq, gt, isNull, lt, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { badgesLedger, type EarningAction, type LedgerEntry } from '../schema.ts';
import { checkBadgeRules } from '../service/award.ts';
import type { RuleTrigger } from '../service/builtin-badges.ts';
import { record, reverse } from '../service/ledger.ts';
import { forumDay, inLedger } from '../service/points.ts';
import type { Tx } from '../service/tx.ts';
import { capFor, pointsFor, type BadgesApi } from '../settings.ts';

declare module '../../../core/plugins/api.ts' {
  interface ActionHooks {
    /** Declared by plugins/polls (identically); repeated here so badges compiles without polls installed. */
    'polls.voted': { pollId: number; threadId: number; kind: 'poll' | 'survey' | 'quiz'; userId: number | null; changed: boolean };
  }
}

interface Earning {
  userId: number;
  action: EarningAction;
  key: string;
  sourceType: string;
  sourceId: number;
  actorId?: number | null;
  perActorPerDay?: number;
}

/** Grants what an action earns under the admin's rules, then checks the badge rules it concerns. */
async function earn(api: BadgesApi, e: Earning, triggers: readonly RuleTrigger[]): Promise<void> {
  const settings = await api.settings();
  const points = pointsFor(settings, e.action);
  if (points > 0) {
    const day = await forumDay(api);
    await inLedger(api, async (tx) => [
      await record(tx, {
        userId: e.userId,
        points,
        reason: e.action,
        sourceType: e.sourceType,
        sourceId: e.sourceId,
        actorId: e.actorId ?? null,
        key: e.key,
        day,
        dailyCap: capFor(settings, e.action),
        perActorPerDay: e.perActorPerDay,
      }),
    ]);
  }
  await checkBadgeRules(api, e.userId, triggers);
}

const reversal = alias(badgesLedger, 'reversal');
/** Marks reversals made because staff deleted the post, so a restore can give exactly those back. */
const DELETED_NOTE = 'deleted by staff';

/** Grants for a source that no later entry has undone yet. */
function liveGrants(tx: Tx, where: ReturnType<typeof and>): Promise<LedgerEntry[]> {
  return tx
    .select()
    .from(badgesLedger)
    .where(and(where, gt(badgesLedger.points, 0), isNull(badgesLedger.reversesId), notExists(tx.select({ id: reversal.id }).from(reversal).where(eq(reversal.reversesId, badgesLedger.id)))));
}

async function takeBack(api: BadgesApi, where: ReturnType<typeof and>, note: string): Promise<void> {
  const day = await forumDay(api);
  await inLedger(api, async (tx) => reverse(tx, await liveGrants(tx, where), day, note));
}

/** An accepted answer earns again after an un-accept and re-accept, but never twice at once. */
async function earnAnswer(api: BadgesApi, answer: { id: number; authorId: number }): Promise<void> {
  const settings = await api.settings();
  const points = pointsFor(settings, 'answer');
  if (points > 0) {
    const day = await forumDay(api);
    await inLedger(api, async (tx) => {
      const grants = await tx
        .select({ id: badgesLedger.id })
        .from(badgesLedger)
        .where(and(eq(badgesLedger.reason, 'answer'), eq(badgesLedger.sourceType, 'post'), eq(badgesLedger.sourceId, answer.id), gt(badgesLedger.points, 0), isNull(badgesLedger.reversesId)));
      const live = await liveGrants(tx, and(eq(badgesLedger.reason, 'answer'), eq(badgesLedger.sourceType, 'post'), eq(badgesLedger.sourceId, answer.id)));
      if (live.length) return [];
      return [
        await record(tx, { userId: answer.authorId, points, reason: 'answer', sourceType: 'post', sourceId: answer.id, key: `answer:${answer.id}:${grants.length}`, day, dailyCap: capFor(settings, 'answer') }),
      ];
    });
  }
  await checkBadgeRules(api, answer.authorId, ['answer']);
}

/** Listens to core's and other plugins' hooks; a plugin that is not installed simply never fires its hooks. */
export function registerEarning(api: BadgesApi): void {
  api.action('thread.created', ({ thread, post }) =>
    // a thread held for review earns nothing (replies held for review fire post.created only once approved)
    post.heldAt || thread.heldAt
      ? undefined
      : earn(api, { userId: thread.authorId, action: 'thread', key: `thread:${thread.id}`, sourceType: 'post', sourceId: post.id }, ['post']),
  );
  api.action('post.created', ({ post }) =>
    post.number > 1 ? earn(api, { userId: post.authorId, action: 'reply', key: `reply:${post.id}`, sourceType: 'post', sourceId: post.id }, ['post']) : undefined,
  );
  api.action('post.liked', async ({ post, likedBy }) => {
    if (likedBy.id === post.authorId) return;
    const { likeSamePairPerDay } = await api.settings();
    await earn(
      api,
      { userId: post.authorId, action: 'like', key: `like:${post.id}:${likedBy.id}`, sourceType: 'post', sourceId: post.id, actorId: likedBy.id, perActorPerDay: likeSamePairPerDay },
      ['like'],
    );
  });
  api.action('post.unliked', ({ post, unlikedBy }) => takeBack(api, and(eq(badgesLedger.idempotencyKey, `like:${post.id}:${unlikedBy.id}`)), 'unliked'));
  api.action('post.deleted', async ({ post, byStaff }) => {
    if (!byStaff || !(await api.settings()).reverseOnStaffDelete) return;
    await takeBack(api, and(eq(badgesLedger.sourceType, 'post'), eq(badgesLedger.sourceId, post.id)), DELETED_NOTE);
  });
  api.action('post.restored', async ({ post }) => {
    // what staff deletion took back comes back when staff restore the post (each reversal restored once)
    const day = await forumDay(api);
    await inLedger(api, async (tx) => {
      const taken = await tx
        .select()
        .from(badgesLedger)
        .where(and(eq(badgesLedger.sourceType, 'post'), eq(badgesLedger.sourceId, post.id), eq(badgesLedger.note, DELETED_NOTE), lt(badgesLedger.points, 0)));
      const done = [];
      for (const r of taken) {
        done.push(await record(tx, { userId: r.userId, points: -r.points, reason: r.reason, sourceType: 'post', sourceId: post.id, actorId: r.actorId, note: 'restored', key: `restore:${r.id}`, day }));
      }
      return done;
    });
  });
  api.action('user.registered', async ({ user }) => {
    const { pointsSignup } = await api.settings();
    if (pointsSignup > 0) {
      const day = await forumDay(api);
      await inLedger(api, async (tx) => [await record(tx, { userId: user.id, points: pointsSignup, reason: 'signup', sourceType: 'user', sourceId: user.id, key: `signup:${user.id}`, day })]);
    }
  });
  api.action('invite.accepted', ({ inviterId, user }) =>
    earn(api, { userId: inviterId, action: 'invite', key: `invite:${user.id}`, sourceType: 'user', sourceId: user.id, actorId: user.id }, ['invite']),
  );
  api.action('qa.answerAccepted', async ({ thread, answer, previousAnswerId }) => {
    if (previousAnswerId && previousAnswerId !== answer.id) {
      await takeBack(api, and(eq(badgesLedger.reason, 'answer'), eq(badgesLedger.sourceType, 'post'), eq(badgesLedger.sourceId, previousAnswerId)), 'answer unaccepted');
    }
    // answering your own question earns nothing
    if (answer.authorId === thread.authorId) return;
    await earnAnswer(api, answer);
  });
  api.action('qa.answerUnaccepted', ({ answer }) =>
    takeBack(api, and(eq(badgesLedger.reason, 'answer'), eq(badgesLedger.sourceType, 'post'), eq(badgesLedger.sourceId, answer.id)), 'answer unaccepted'),
  );
  api.action('events.attended', ({ thread, userId }) =>
    earn(api, { userId, action: 'event', key: `event:${thread.id}:${userId}`, sourceType: 'thread', sourceId: thread.id }, ['event']),
  );
  api.action('polls.voted', ({ pollId, userId }) =>
    // anonymous polls stay anonymous: no ledger row ties the member to them
    userId === null ? undefined : earn(api, { userId, action: 'poll', key: `poll:${pollId}:${userId}`, sourceType: 'poll', sourceId: pollId }, []),
  );
}
