import { eq, inArray } from 'drizzle-orm';
import { users, type User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { canSeeThread, findPostContext } from '../../forum/service/lookup.ts';
import { posts, threads } from '../../forum/schema.ts';
import { postPath } from '../../forum/service/thread-page.ts';
import { threadPath } from '../../forum/service/slug.ts';
import { excerpt } from '../../markdown/index.ts';
import type { HookBus } from '../../plugins/hooks.ts';
import { deletePost } from '../../forum/service/delete-post.ts';
import { holdPost, releasePost } from './held.ts';
import { publishApproval } from './approval.ts';

/** What the queue shows about a reported item. */
export interface ReportableItem {
  title: string;
  /** Same-origin path to the item. */
  url: string;
  authorId: number | null;
  /** Plain text, the start of the content. */
  excerpt?: string;
  /** Currently hidden pending review. */
  hidden?: boolean;
}

export interface ReportableContext {
  db: Db;
  hooks: HookBus;
}

/** A kind of thing members can report: core's posts, threads and profiles, and plugins' items ('<plugin>.<type>'). */
export interface Reportable {
  describe(ctx: ReportableContext, ids: number[]): Promise<Map<number, ReportableItem>>;
  /** Whether the reporter can see the item at all (a report must not reveal that something exists). */
  visibleTo?(ctx: ReportableContext, viewer: User, id: number): Promise<boolean>;
  hide?(ctx: ReportableContext, id: number): Promise<void>;
  approve?(ctx: ReportableContext, id: number, by: User): Promise<void>;
  remove?(ctx: ReportableContext, id: number, by: User): Promise<void>;
}

const registry = new Map<string, Reportable>();

export function registerReportable(type: string, reportable: Reportable): void {
  registry.set(type, reportable);
}

export function reportableOf(type: string): Reportable | undefined {
  return registry.get(type);
}


async function postItems(ctx: ReportableContext, ids: number[]): Promise<Map<number, ReportableItem>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ post: posts, thread: threads })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(inArray(posts.id, ids));
  return new Map(
    rows
      .filter((r) => !r.post.deletedAt)
      .map((r) => [
        r.post.id,
        {
          title: r.post.number === 1 ? r.thread.title : `${r.thread.title} #${r.post.number}`,
          url: postPath(r.thread, r.post.number),
          authorId: r.post.authorId,
          excerpt: excerpt(r.post.raw, 300),
          hidden: r.post.heldAt !== null,
        },
      ]),
  );
}

async function postVisible(ctx: ReportableContext, viewer: User, id: number): Promise<boolean> {
  const found = await findPostContext(ctx.db, id);
  if (!found || found.post.deletedAt || !canSeeThread(viewer, found)) return false;
  return !found.post.heldAt || found.post.authorId === viewer.id;
}

const postReportable: Reportable = {
  describe: postItems,
  visibleTo: postVisible,
  async hide(ctx, id) {
    await ctx.db.transaction((tx) => holdPost(tx, id, 'moderation.hold.reports'));
  },
  async approve(ctx, id, by) {
    const released = await ctx.db.transaction((tx) => releasePost(tx, id));
    if (released) await publishApproval(ctx, released, by);
  },
  async remove(ctx, id, by) {
    await deletePost({ db: ctx.db, hooks: ctx.hooks, user: by }, id);
  },
};

/** A thread report is a report of its first post, with the thread's title. */
async function firstPostId(db: Db, threadId: number): Promise<number | undefined> {
  const [row] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, threadId)).orderBy(posts.number).limit(1);
  return row?.id;
}

const threadReportable: Reportable = {
  async describe(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await ctx.db
      .select({ thread: threads, post: posts })
      .from(threads)
      .innerJoin(posts, eq(posts.threadId, threads.id))
      .where(inArray(threads.id, ids));
    const out = new Map<number, ReportableItem>();
    for (const r of rows) {
      if (r.post.number !== 1 || r.thread.deletedAt) continue;
      out.set(r.thread.id, { title: r.thread.title, url: threadPath(r.thread), authorId: r.thread.authorId, excerpt: excerpt(r.post.raw, 300), hidden: r.thread.heldAt !== null });
    }
    return out;
  },
  async visibleTo(ctx, viewer, id) {
    const first = await firstPostId(ctx.db, id);
    return first !== undefined && postVisible(ctx, viewer, first);
  },
  async hide(ctx, id) {
    const first = await firstPostId(ctx.db, id);
    if (first) await postReportable.hide!(ctx, first);
  },
  async approve(ctx, id, by) {
    const first = await firstPostId(ctx.db, id);
    if (first) await postReportable.approve!(ctx, first, by);
  },
  async remove(ctx, id, by) {
    const first = await firstPostId(ctx.db, id);
    if (first) await postReportable.remove!(ctx, first, by);
  },
};

const userReportable: Reportable = {
  async describe(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await ctx.db.select().from(users).where(inArray(users.id, ids));
    return new Map(
      rows.map((u) => [u.id, { title: `${u.displayName} (@${u.username})`, url: `/u/${encodeURIComponent(u.username)}`, authorId: u.id, excerpt: excerpt(u.bio, 300) }]),
    );
  },
};

registerReportable('post', postReportable);
registerReportable('thread', threadReportable);
registerReportable('user', userReportable);

