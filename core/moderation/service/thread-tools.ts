import { and, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users, type User } from '../../accounts/schema.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { canAct, canReadCategory, canRecategorise, canStartThread, isStaffViewer } from '../../forum/permissions.ts';
import { categories, posts, threads, type Category, type Thread } from '../../forum/schema.ts';
import { add } from '../../forum/service/counters.ts';
import { canSeeThread, findThreadContext, type ThreadContext } from '../../forum/service/lookup.ts';
import { titleSchema } from '../../forum/service/post-input.ts';
import { threadSlug } from '../../forum/service/slug.ts';
import { adjustTagCounts } from '../../forum/service/tags.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow, ValidationError } from '../../http/validation.ts';
import type { HookBus } from '../../plugins/hooks.ts';
import { trustLevelOf } from '../../trust/abilities.ts';
import { trustSettings } from '../../trust/settings.ts';
import { logModerationAction } from './log.ts';

interface Deps {
  db: Db;
  hooks: HookBus;
}

function assertStaff(actor: User): void {
  if (!isStaffViewer(actor) || !canAct(actor)) throw new UserError(403, 'error.403.body');
}

async function liveThread(db: DbOrTx, threadId: number): Promise<ThreadContext> {
  const found = Number.isSafeInteger(threadId) && threadId > 0 ? await findThreadContext(db, threadId) : undefined;
  if (!found || found.thread.deletedAt) throw new UserError(404, 'error.404.body');
  return found;
}

/** A category the actor reads (staff); with `mustStart`, one they may also start threads in (trusted members). */
async function targetCategory(db: DbOrTx, actor: User, categoryId: number, mustStart = false): Promise<Category> {
  const [row] = Number.isSafeInteger(categoryId) ? await db.select().from(categories).where(eq(categories.id, categoryId)).limit(1) : [];
  const [parent] = row?.parentId ? await db.select().from(categories).where(eq(categories.id, row.parentId)).limit(1) : [];
  // a category the actor cannot read gets the same answer as one that does not exist
  if (!row || !canReadCategory(actor, row, parent ?? null)) throw new ValidationError({ categoryId: 'moderation.thread.category.invalid' });
  if (mustStart && !canStartThread(actor, row, parent ?? null)) throw new ValidationError({ categoryId: 'forum.move.categoryNotAllowed' });
  return row;
}

/**
 * Who may move: staff, or a member whose trust level unlocks `recategorise` (core/trust) on a thread they
 * can see and reply to. A thread the member cannot see is a 404, as everywhere else.
 */
async function moveAuthority(db: DbOrTx, actor: User, threadId: number): Promise<{ found: ThreadContext; via: 'staff' | 'trust' }> {
  if (isStaffViewer(actor)) {
    assertStaff(actor);
    return { found: await liveThread(db, threadId), via: 'staff' };
  }
  const found = await liveThread(db, threadId);
  if (!canSeeThread(actor, found)) throw new UserError(404, 'error.404.body');
  if (!canRecategorise(actor, found, await trustSettings(db))) throw new UserError(403, 'forum.move.notAllowed');
  return { found, via: 'trust' };
}

/** Posts of a thread that counters count (neither deleted nor held). */
async function visiblePostCount(db: DbOrTx, threadId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), isNull(posts.deletedAt), isNull(posts.heldAt)));
  return row?.n ?? 0;
}

const counted = (thread: Thread) => !thread.deletedAt && !thread.heldAt;

/**
 * Moves a thread to another category; counters follow, and listeners re-check permissions ('thread.moved').
 * Staff move anything to a category they read; trusted members (`recategorise`) move threads they may reply
 * to into categories where they may start threads. Either way it is in the moderation log.
 */
export async function moveThread(deps: Deps, input: { actor: User; threadId: number; categoryId: number; reason?: string }): Promise<Thread> {
  const { db } = deps;
  const { found, via } = await moveAuthority(db, input.actor, input.threadId);
  const { thread, category: from } = found;
  const to = await targetCategory(db, input.actor, input.categoryId, via === 'trust');
  if (to.id === from.id) return thread;
  const moved = await db.transaction(async (tx) => {
    const [row] = await tx.update(threads).set({ categoryId: to.id }).where(eq(threads.id, thread.id)).returning();
    if (counted(thread)) {
      const n = await visiblePostCount(tx, thread.id);
      await tx.update(categories).set({ threadCount: add(categories.threadCount, -1), postCount: add(categories.postCount, -n) }).where(eq(categories.id, from.id));
      await tx.update(categories).set({ threadCount: add(categories.threadCount, 1), postCount: add(categories.postCount, n) }).where(eq(categories.id, to.id));
    }
    await logModerationAction(tx, {
      actorId: input.actor.id,
      action: 'thread.move',
      targetType: 'thread',
      targetId: thread.id,
      targetUserId: thread.authorId,
      reason: input.reason ?? '',
      before: { categoryId: from.id, category: from.name },
      after: via === 'trust' ? { categoryId: to.id, category: to.name, via, trustLevel: trustLevelOf(input.actor) } : { categoryId: to.id, category: to.name },
    });
    return row!;
  });
  await deps.hooks.action('thread.moved', { thread: moved, from, to, by: input.actor }, { user: input.actor, categoryId: to.id });
  return moved;
}

/** Staff unlist a thread (reachable by link, left out of listings) or list it again. */
export async function setUnlisted(deps: Deps, input: { actor: User; threadId: number; unlisted: boolean; reason?: string }): Promise<Thread> {
  assertStaff(input.actor);
  const { thread } = await liveThread(deps.db, input.threadId);
  if (thread.unlisted === input.unlisted) return thread;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.update(threads).set({ unlisted: input.unlisted }).where(eq(threads.id, thread.id)).returning();
    await logModerationAction(tx, {
      actorId: input.actor.id,
      action: input.unlisted ? 'thread.unlist' : 'thread.list',
      targetType: 'thread',
      targetId: thread.id,
      targetUserId: thread.authorId,
      reason: input.reason ?? '',
      before: { unlisted: thread.unlisted },
      after: { unlisted: input.unlisted },
    });
    return row!;
  });
}

/**
 * Appends every post of thread A to thread B, in order, numbered after B's last number (numbers in B are
 * never reused, so the unique (thread, number) index cannot clash). A is left deleted and empty.
 */
export async function mergeThreads(deps: Deps, input: { actor: User; sourceId: number; targetId: number; reason?: string }): Promise<Thread> {
  const { db } = deps;
  assertStaff(input.actor);
  if (input.sourceId === input.targetId) throw new ValidationError({ targetId: 'moderation.thread.merge.same' });
  const a = await liveThread(db, input.sourceId);
  const b = await liveThread(db, input.targetId).catch(() => {
    throw new ValidationError({ targetId: 'moderation.thread.merge.target' });
  });
  if (!counted(a.thread) || !counted(b.thread)) throw new ValidationError({ targetId: 'moderation.thread.merge.target' });
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(threads).where(eq(threads.id, b.thread.id)).for('update');
    const base = locked!.lastPostNumber;
    const moving = await visiblePostCount(tx, a.thread.id);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(posts).where(eq(posts.threadId, a.thread.id));
    await tx.execute(sql`
      update ${posts} set thread_id = ${b.thread.id}, number = ${base} + s.rn
      from (select id, row_number() over (order by number) as rn from ${posts} where thread_id = ${a.thread.id}) s
      where ${posts.id} = s.id`);
    const [latest] = await tx
      .select({ at: max(posts.createdAt) })
      .from(posts)
      .where(and(eq(posts.threadId, b.thread.id), isNull(posts.deletedAt), isNull(posts.heldAt)));
    const [last] = await tx
      .select({ authorId: posts.authorId })
      .from(posts)
      .where(and(eq(posts.threadId, b.thread.id), isNull(posts.deletedAt), isNull(posts.heldAt)))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(1);
    const [merged] = await tx
      .update(threads)
      .set({
        lastPostNumber: base + n,
        replyCount: add(threads.replyCount, moving),
        likeCount: add(threads.likeCount, a.thread.likeCount),
        lastPostAt: latest?.at ?? locked!.lastPostAt,
        lastPosterId: last?.authorId ?? locked!.lastPosterId,
      })
      .where(eq(threads.id, b.thread.id))
      .returning();
    await tx.update(threads).set({ deletedAt: new Date(), replyCount: 0 }).where(eq(threads.id, a.thread.id));
    await adjustTagCounts(tx, a.thread.id, -1);
    await tx.update(categories).set({ threadCount: add(categories.threadCount, -1), postCount: add(categories.postCount, -moving) }).where(eq(categories.id, a.category.id));
    await tx.update(categories).set({ postCount: add(categories.postCount, moving) }).where(eq(categories.id, b.category.id));
    await tx.update(users).set({ threadCount: add(users.threadCount, -1) }).where(eq(users.id, a.thread.authorId));
    await logModerationAction(tx, {
      actorId: input.actor.id,
      action: 'thread.merge',
      targetType: 'thread',
      targetId: b.thread.id,
      targetUserId: a.thread.authorId,
      reason: input.reason ?? '',
      before: { sourceId: a.thread.id, sourceTitle: a.thread.title, targetLastPostNumber: base },
      after: { targetId: b.thread.id, movedPosts: n, firstNumber: base + 1 },
    });
    return merged!;
  });
}

export const splitInputSchema = z.object({
  title: titleSchema,
  postIds: z.array(z.coerce.number().int().positive()).min(1, 'moderation.thread.split.none').max(500),
});

/** Moves chosen replies into a new thread (in the same or another category), numbered 1…n in their order. */
export async function splitThread(
  deps: Deps,
  input: { actor: User; threadId: number; postIds: number[]; title: string; categoryId?: number; reason?: string },
): Promise<Thread> {
  const { db } = deps;
  assertStaff(input.actor);
  const data = parseOrThrow(splitInputSchema, { title: input.title, postIds: input.postIds });
  const { thread, category } = await liveThread(db, input.threadId);
  const to = input.categoryId && input.categoryId !== category.id ? await targetCategory(db, input.actor, input.categoryId) : category;
  const chosen = await db
    .select()
    .from(posts)
    .where(and(eq(posts.threadId, thread.id), inArray(posts.id, data.postIds)))
    .orderBy(posts.number);
  if (chosen.length !== new Set(data.postIds).size || chosen.some((p) => p.number === 1)) {
    throw new ValidationError({ postIds: 'moderation.thread.split.invalid' });
  }
  const opening = chosen.find((p) => !p.deletedAt && !p.heldAt);
  if (!opening) throw new ValidationError({ postIds: 'moderation.thread.split.invalid' });
  const visible = chosen.filter((p) => !p.deletedAt && !p.heldAt);
  const lastVisible = visible[visible.length - 1]!;
  const created = await db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(threads)
      .values({
        categoryId: to.id,
        authorId: opening.authorId,
        title: data.title,
        slug: threadSlug(data.title),
        lastPostNumber: chosen.length,
        replyCount: visible.length - 1,
        lastPostAt: lastVisible.createdAt,
        lastPosterId: lastVisible.authorId,
        createdAt: opening.createdAt,
      })
      .returning();
    // the new thread is empty, so numbering 1…n there cannot clash with anything
    await tx.execute(sql`
      update ${posts} set thread_id = ${fresh!.id}, number = s.rn
      from (select id, row_number() over (order by number) as rn from ${posts} where id in ${sql.raw(`(${chosen.map((p) => p.id).join(',')})`)}) s
      where ${posts.id} = s.id`);
    // the opening post must be number 1: the first chosen post may be a deleted or held one
    if (chosen[0]!.id !== opening.id) {
      await tx.update(posts).set({ number: -1 }).where(eq(posts.id, opening.id));
      await tx.update(posts).set({ number: chosen.indexOf(opening) + 1 }).where(and(eq(posts.threadId, fresh!.id), eq(posts.number, 1)));
      await tx.update(posts).set({ number: 1 }).where(eq(posts.id, opening.id));
    }
    const [remaining] = await tx
      .select({ at: max(posts.createdAt) })
      .from(posts)
      .where(and(eq(posts.threadId, thread.id), isNull(posts.deletedAt), isNull(posts.heldAt)));
    const [lastLeft] = await tx
      .select({ authorId: posts.authorId })
      .from(posts)
      .where(and(eq(posts.threadId, thread.id), isNull(posts.deletedAt), isNull(posts.heldAt)))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(1);
    await tx
      .update(threads)
      .set({ replyCount: add(threads.replyCount, -visible.length), lastPostAt: remaining?.at ?? thread.createdAt, lastPosterId: lastLeft?.authorId ?? thread.authorId })
      .where(eq(threads.id, thread.id));
    if (counted(thread)) {
      await tx.update(categories).set({ postCount: add(categories.postCount, -visible.length) }).where(eq(categories.id, category.id));
    }
    await tx.update(categories).set({ threadCount: add(categories.threadCount, 1), postCount: add(categories.postCount, visible.length) }).where(eq(categories.id, to.id));
    await tx.update(users).set({ threadCount: add(users.threadCount, 1) }).where(eq(users.id, opening.authorId));
    await logModerationAction(tx, {
      actorId: input.actor.id,
      action: 'thread.split',
      targetType: 'thread',
      targetId: thread.id,
      targetUserId: opening.authorId,
      reason: input.reason ?? '',
      before: { threadId: thread.id, postIds: chosen.map((p) => p.id), numbers: chosen.map((p) => p.number) },
      after: { threadId: fresh!.id, title: data.title, categoryId: to.id },
    });
    return fresh!;
  });
  if (to.id !== category.id) {
    await deps.hooks.action('thread.moved', { thread: created, from: category, to, by: input.actor }, { user: input.actor, categoryId: to.id });
  }
  return created;
}
