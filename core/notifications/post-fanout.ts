import { eq, inArray } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { normalizeUsername, usernameKey } from '../accounts/service/usernames.ts';
import type { DbOrTx } from '../db/index.ts';
import { posts, type Category, type Post, type Thread } from '../forum/schema.ts';
import { extractMentions, renderMarkdown } from '../markdown/index.ts';
import { watchersOf } from '../watching/index.ts';
import { deliverable, parentOf } from './audience.ts';
import type { CoreNotificationType } from './core-types.ts';
import { notifyMany, type NotifyOptions } from './service.ts';

// a post that names more people than this is not a conversation but a broadcast
const MAX_MENTIONS = 50;

type PostNotice = Extract<CoreNotificationType, 'mention' | 'reply' | 'quote' | 'watching' | 'newThread'>;

/** Lower wins: a member addressed in several ways hears about the post once, in the most personal way. */
const rank: Record<PostNotice, number> = { mention: 0, reply: 1, quote: 2, watching: 3, newThread: 3 };

export interface PostEvent {
  post: Post;
  thread: Thread;
  category: Category;
  /** The opening post of a new thread: category watchers hear about it as 'newThread'. */
  opening: boolean;
}

/** Notifies everyone a new post concerns, one notification per member, in one insert; returns who. */
export async function fanOutPost(db: DbOrTx, event: PostEvent, options: NotifyOptions = {}): Promise<number[]> {
  const { post, thread, category, opening } = event;
  const parent = await parentOf(db, category);
  const place = { threadId: opening ? null : thread.id, categoryId: category.id, parentCategoryId: parent?.id ?? null };
  const quotedIds = renderMarkdown(post.raw).quotedPostIds;
  const referenced = [...new Set([...(post.replyToPostId ? [post.replyToPostId] : []), ...quotedIds])];

  const [mentioned, referencedPosts, watchers, actor] = await Promise.all([
    mentionedUsers(db, post.raw),
    referenced.length ? db.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(inArray(posts.id, referenced)) : [],
    watchersOf(db, place),
    db.select({ displayName: users.displayName }).from(users).where(eq(users.id, post.authorId)).limit(1),
  ]);

  const chosen = new Map<number, PostNotice>();
  const offer = (userId: number, type: PostNotice) => {
    const current = chosen.get(userId);
    if (current === undefined || rank[type] < rank[current]) chosen.set(userId, type);
  };
  for (const id of watchers) offer(id, opening ? 'newThread' : 'watching');
  const authorOf = new Map(referencedPosts.map((p) => [p.id, p.authorId]));
  for (const id of quotedIds) {
    const author = authorOf.get(id);
    if (author !== undefined) offer(author, 'quote');
  }
  if (!opening) offer(thread.authorId, 'reply');
  const repliedTo = post.replyToPostId ? authorOf.get(post.replyToPostId) : undefined;
  if (repliedTo !== undefined) offer(repliedTo, 'reply');
  for (const id of mentioned) offer(id, 'mention');

  const allowed = await deliverable(db, { actorId: post.authorId, place, category, parent }, chosen.keys());
  const data = { actor: actor[0]?.displayName ?? '', title: thread.title, postId: post.id };
  const notices = [...chosen]
    .filter(([userId]) => allowed.has(userId))
    .map(([userId, type]) => ({ userId, type, data, url: `/p/${post.id}`, actorId: post.authorId, dedupeKey: `post:${post.id}` }));
  await notifyMany(db, notices, options);
  return notices.map((n) => n.userId);
}

/** Members named with @ in the text, matched exactly as the renderer links them. One query. */
async function mentionedUsers(db: DbOrTx, raw: string): Promise<number[]> {
  const names = extractMentions(raw).slice(0, MAX_MENTIONS);
  if (names.length === 0) return [];
  const wanted = new Set(names);
  const keys = [...new Set(names.map((name) => usernameKey(normalizeUsername(name))))];
  const found = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.usernameKey, keys));
  // the key folds look-alike letters; only the exact name (ignoring case) is a mention
  return found.filter((u) => wanted.has(u.username.normalize('NFKC').toLowerCase())).map((u) => u.id);
}
