import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/** Who may do something in a category: everyone, signed-in members, or staff only. */
export const accessLevelEnum = pgEnum('access_level', ['everyone', 'member', 'moderator', 'admin']);
export const pinEnum = pgEnum('pin', ['none', 'category', 'global']);

/**
 * Listings page by (timestamp, id) cursors that travel through URLs as JavaScript dates, which keep
 * milliseconds only: stored sort keys must not be finer, or rows between two cursors would be skipped.
 */
const millisecondsNow = sql`date_trunc('milliseconds', now())`;

export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    color: text('color').notNull().default('#3b82f6'),
    position: integer('position').notNull().default(0),
    readAccess: accessLevelEnum('read_access').notNull().default('everyone'),
    startAccess: accessLevelEnum('start_access').notNull().default('member'),
    replyAccess: accessLevelEnum('reply_access').notNull().default('member'),
    /** Community permissions (core/trust, core/groups): a minimum trust level and, when non-empty, the groups allowed. */
    minTrustRead: integer('min_trust_read').notNull().default(0),
    minTrustStart: integer('min_trust_start').notNull().default(0),
    minTrustReply: integer('min_trust_reply').notNull().default(0),
    readGroupIds: integer('read_group_ids').array().notNull().default(sql`'{}'::integer[]`),
    startGroupIds: integer('start_group_ids').array().notNull().default(sql`'{}'::integer[]`),
    replyGroupIds: integer('reply_group_ids').array().notNull().default(sql`'{}'::integer[]`),
    threadCount: integer('thread_count').notNull().default(0),
    postCount: integer('post_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('categories_slug_idx').on(t.slug), index('categories_parent_idx').on(t.parentId, t.position)],
);

export const threads = pgTable(
  'threads',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    /** Repost attribution (注明出处): where the content came from. */
    source: text('source'),
    pinned: pinEnum('pinned').notNull().default('none'),
    locked: boolean('locked').notNull().default(false),
    featured: boolean('featured').notNull().default(false),
    viewCount: integer('view_count').notNull().default(0),
    /** Visible posts after the first one. */
    replyCount: integer('reply_count').notNull().default(0),
    likeCount: integer('like_count').notNull().default(0),
    /** Highest post number handed out in the thread (numbers are never reused). */
    lastPostNumber: integer('last_post_number').notNull().default(0),
    lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().default(millisecondsNow),
    lastPosterId: integer('last_poster_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(millisecondsNow),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Held for review by moderation: visible only to staff (and its author) until approved. */
    heldAt: timestamp('held_at', { withTimezone: true }),
    /** Unlisted by staff: reachable by link, left out of listings and search. */
    unlisted: boolean('unlisted').notNull().default(false),
    /** Scheduled publishing: while set, only staff see the thread; a job publishes it at this time. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
  },
  (t) => [
    // "latest" listings, globally and per category: keyset on (last_post_at, id)
    index('threads_latest_idx').on(t.lastPostAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('threads_category_latest_idx').on(t.categoryId, t.lastPostAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // "new" listing: keyset on (created_at, id)
    index('threads_new_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('threads_author_idx').on(t.authorId, t.createdAt.desc().nullsFirst()),
    index('threads_featured_idx').on(t.lastPostAt.desc().nullsFirst()).where(sql`${t.featured}`),
    index('threads_pinned_idx').on(t.pinned).where(sql`${t.pinned} <> 'none'`),
    // the scheduled-publishing calendar and its job: only the few threads waiting to go live
    index('threads_publish_at_idx').on(t.publishAt, t.id).where(sql`${t.publishAt} is not null`),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** 1 is the opening post; page N of a thread is numbers ((N-1)*size, N*size]. */
    number: integer('number').notNull(),
    raw: text('raw').notNull(),
    /** Sanitised HTML rendered at write time, so reads never run the Markdown renderer. */
    html: text('html').notNull(),
    renderVersion: integer('render_version').notNull().default(1),
    replyToPostId: integer('reply_to_post_id').references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    likeCount: integer('like_count').notNull().default(0),
    editCount: integer('edit_count').notNull().default(0),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedById: integer('deleted_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** Held for review (automatic rule, reports, first post of a new member): staff and the author see it. */
    heldAt: timestamp('held_at', { withTimezone: true }),
    heldReason: text('held_reason'),
    /** A wiki post (marked by staff): members whose trust level unlocks `editWiki` may edit its text. */
    wiki: boolean('wiki').notNull().default(false),
  },
  (t) => [
    // thread pages read a contiguous range of numbers: an index range scan, never OFFSET
    uniqueIndex('posts_thread_number_idx').on(t.threadId, t.number),
    // profile activity
    index('posts_author_idx').on(t.authorId, t.createdAt.desc().nullsFirst()),
    index('posts_created_at_idx').on(t.createdAt),
  ],
);

export const postRevisions = pgTable(
  'post_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    editorId: integer('editor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The text before this edit. */
    raw: text('raw').notNull(),
    title: text('title'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.createdAt)],
);

export const postLikes = pgTable(
  'post_likes',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('post_likes_user_idx').on(t.userId, t.createdAt)],
);

export const tags = pgTable(
  'tags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    threadCount: integer('thread_count').notNull().default(0),
    /** When the forum restricts tags, only staff-created ("official") tags can be used. */
    official: boolean('official').notNull().default(false),
  },
  (t) => [uniqueIndex('tags_name_idx').on(t.name)],
);

export const threadTags = pgTable(
  'thread_tags',
  {
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.tagId] }), index('thread_tags_tag_idx').on(t.tagId, t.threadId)],
);

export type Category = typeof categories.$inferSelect;
export type Thread = typeof threads.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type AccessLevel = (typeof accessLevelEnum.enumValues)[number];
