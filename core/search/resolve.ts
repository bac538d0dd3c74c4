import { and, eq, inArray, ne } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { posts, tags, threadTags, threads, type Post, type Thread } from '../forum/schema.ts';
import { postPath } from '../forum/service/thread-page.ts';
import { threadPath } from '../forum/service/slug.ts';
import { plainText } from '../markdown/index.ts';
import { clipBody, docIdOf, type SearchDoc } from './documents.ts';
import { searchDocuments } from './schema.ts';

/** What one batch of outbox entries asks for. */
export interface IndexRefs {
  threads: Set<number>;
  posts: Set<number>;
  members: Set<number>;
}

/** The resolved state: documents to (re)write, documents to drop, and threads whose plugin documents follow them. */
export interface Resolved {
  upserts: SearchDoc[];
  deletes: string[];
  /** threadId → the category its plugin documents now belong to, or null when the thread is out of sight. */
  threadState: Map<number, number | null>;
}

/** Listed and published, opening post visible: what search may show of a thread (visibility.ts rules). */
function threadVisible(thread: Thread, first: Post | undefined): boolean {
  return !thread.deletedAt && !thread.heldAt && !thread.publishAt && !thread.unlisted && !!first && !first.deletedAt && !first.heldAt;
}

function postVisible(post: Post): boolean {
  return !post.deletedAt && !post.heldAt;
}

/** `followReplies: false` when the caller resolves every post itself (a full rebuild). */
export async function resolveRefs(db: DbOrTx, refs: IndexRefs, options: { followReplies?: boolean } = {}): Promise<Resolved> {
  const out: Resolved = { upserts: [], deletes: [], threadState: new Map() };
  const threadIds = new Set(refs.threads);
  // a reply's document needs its thread; a thread's posts follow it when its category or visibility changed
  const postRows = refs.posts.size ? await db.select().from(posts).where(inArray(posts.id, [...refs.posts])) : [];
  for (const id of refs.posts) if (!postRows.some((p) => p.id === id)) out.deletes.push(docIdOf('post', id));

  const threadRows = threadIds.size || postRows.length
    ? await db.select().from(threads).where(inArray(threads.id, [...new Set([...threadIds, ...postRows.map((p) => p.threadId)])]))
    : [];
  const threadById = new Map(threadRows.map((t) => [t.id, t]));
  const firstPosts = threadRows.length
    ? await db.select().from(posts).where(and(inArray(posts.threadId, threadRows.map((t) => t.id)), eq(posts.number, 1)))
    : [];
  const firstByThread = new Map(firstPosts.map((p) => [p.threadId, p]));
  const visibleThread = (id: number) => {
    const thread = threadById.get(id);
    return thread && threadVisible(thread, firstByThread.get(id)) ? thread : undefined;
  };

  // threads asked for: their own document, and every reply when what governs the replies changed
  const previous = threadIds.size
    ? await db
        .select({ threadId: searchDocuments.threadId, categoryId: searchDocuments.categoryId })
        .from(searchDocuments)
        .where(and(eq(searchDocuments.type, 'thread'), inArray(searchDocuments.threadId, [...threadIds])))
    : [];
  const previousCategory = new Map(previous.map((r) => [r.threadId, r.categoryId]));
  const followers: number[] = [];
  for (const id of threadIds) {
    const thread = visibleThread(id);
    out.threadState.set(id, thread ? thread.categoryId : null);
    if (!thread) {
      out.deletes.push(docIdOf('thread', id));
      if (options.followReplies !== false) followers.push(id);
      continue;
    }
    if (options.followReplies !== false && previousCategory.get(id) !== thread.categoryId) followers.push(id);
  }
  const replyRows = followers.length
    ? await db.select().from(posts).where(and(inArray(posts.threadId, followers), ne(posts.number, 1)))
    : [];
  const replies = new Map<number, Post>();
  for (const p of [...postRows, ...replyRows]) replies.set(p.id, p);

  const authorIds = new Set<number>();
  for (const t of threadRows) authorIds.add(t.authorId);
  for (const p of replies.values()) authorIds.add(p.authorId);
  const names = await authorNames(db, [...authorIds]);
  const tagsByThread = await threadTagNames(db, [...threadIds].filter((id) => visibleThread(id)));

  for (const id of threadIds) {
    const thread = visibleThread(id);
    if (!thread) continue;
    const first = firstByThread.get(id)!;
    out.upserts.push({
      docId: docIdOf('thread', id),
      type: 'thread',
      sourceId: String(id),
      title: thread.title,
      body: clipBody(plainText(first.raw)),
      tags: tagsByThread.get(id) ?? [],
      url: threadPath(thread),
      categoryId: thread.categoryId,
      threadId: thread.id,
      authorId: thread.authorId,
      authorName: names.get(thread.authorId) ?? '',
      createdAt: thread.createdAt,
      facets: {},
      hidden: false,
    });
  }
  for (const post of replies.values()) {
    const docId = docIdOf('post', post.id);
    const thread = visibleThread(post.threadId);
    if (post.number === 1 || !thread || !postVisible(post)) {
      out.deletes.push(docId);
      continue;
    }
    out.upserts.push({
      docId,
      type: 'post',
      sourceId: String(post.id),
      title: thread.title,
      body: clipBody(plainText(post.raw)),
      tags: [],
      url: postPath(thread, post.number),
      categoryId: thread.categoryId,
      threadId: thread.id,
      authorId: post.authorId,
      authorName: names.get(post.authorId) ?? '',
      createdAt: post.createdAt,
      facets: {},
      hidden: false,
    });
  }

  if (refs.members.size) {
    const members = await db
      .select({ id: users.id, username: users.username, displayName: users.displayName, bio: users.bio, status: users.status, createdAt: users.createdAt })
      .from(users)
      .where(inArray(users.id, [...refs.members]));
    for (const id of refs.members) {
      const member = members.find((m) => m.id === id);
      const docId = docIdOf('member', id);
      if (!member || member.status === 'banned') {
        out.deletes.push(docId);
        continue;
      }
      out.upserts.push({
        docId,
        type: 'member',
        sourceId: String(id),
        title: member.displayName === member.username ? member.username : `${member.displayName} (${member.username})`,
        body: clipBody(member.bio),
        tags: [],
        url: `/u/${encodeURIComponent(member.username)}`,
        categoryId: null,
        threadId: null,
        authorId: member.id,
        authorName: member.displayName,
        createdAt: member.createdAt,
        facets: {},
        hidden: false,
      });
    }
  }
  return out;
}

async function authorNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function threadTagNames(db: DbOrTx, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ threadId: threadTags.threadId, name: tags.name })
    .from(threadTags)
    .innerJoin(tags, eq(tags.id, threadTags.tagId))
    .where(inArray(threadTags.threadId, ids));
  for (const r of rows) out.set(r.threadId, [...(out.get(r.threadId) ?? []), r.name]);
  return out;
}
