import { and, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { excerpt } from '../../markdown/index.ts';
import { conversationMessages, conversationParticipants, conversations } from '../schema.ts';

export const INBOX_PAGE_SIZE = 20;
/** Unread counts stop here ("99+"): counting further would scan a whole backlog for one badge. */
export const UNREAD_CAP = 99;

export interface InboxEntry {
  id: number;
  title: string | null;
  /** Keyset cursor: the conversation's newest message id. */
  lastMessageId: number;
  lastMessageAt: Date;
  lastAuthor: string | null;
  excerpt: string;
  unread: number;
  /** The other current participants' display names. */
  others: string[];
}

const me = conversationParticipants;
const lastAuthor = alias(users, 'last_author');

/** A member's conversations, most recently active first, keyset on the last message id. Two queries. */
export async function inbox(db: DbOrTx, userId: number, before?: number): Promise<{ items: InboxEntry[]; next: number | undefined }> {
  const unread = sql<number>`(select count(*)::int from (
      select 1 from ${conversationMessages} m
      where m.conversation_id = ${me.conversationId} and m.id > ${me.lastReadMessageId} and m.author_id is distinct from ${userId}
      limit ${UNREAD_CAP}) capped)`;
  const rows = await db
    .select({
      id: conversations.id,
      title: conversations.title,
      lastMessageId: me.lastMessageId,
      lastMessageAt: conversationMessages.createdAt,
      raw: conversationMessages.raw,
      lastAuthor: lastAuthor.displayName,
      unread,
    })
    .from(me)
    .innerJoin(conversations, eq(conversations.id, me.conversationId))
    .innerJoin(conversationMessages, eq(conversationMessages.id, me.lastMessageId))
    .leftJoin(lastAuthor, eq(lastAuthor.id, conversationMessages.authorId))
    .where(and(eq(me.userId, userId), isNull(me.leftAt), before ? lt(me.lastMessageId, before) : undefined))
    .orderBy(desc(me.lastMessageId))
    .limit(INBOX_PAGE_SIZE);
  const others = await otherNames(db, userId, rows.map((r) => r.id));
  const items = rows.map(({ raw, ...r }) => ({ ...r, unread: Number(r.unread), excerpt: excerpt(raw, 120), others: others.get(r.id) ?? [] }));
  return { items, next: rows.length === INBOX_PAGE_SIZE ? rows.at(-1)!.lastMessageId : undefined };
}

async function otherNames(db: DbOrTx, userId: number, conversationIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (conversationIds.length === 0) return out;
  const rows = await db
    .select({ conversationId: me.conversationId, userId: me.userId, name: users.displayName })
    .from(me)
    .innerJoin(users, eq(users.id, me.userId))
    .where(and(inArray(me.conversationId, conversationIds), isNull(me.leftAt)))
    .orderBy(me.joinedAt, me.userId);
  for (const r of rows) {
    if (r.userId === userId) continue;
    out.set(r.conversationId, [...(out.get(r.conversationId) ?? []), r.name]);
  }
  return out;
}

/** Conversations with something unread, for a "Messages (2)" link. One index range. */
export async function unreadConversationCount(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(me)
    .where(and(eq(me.userId, userId), isNull(me.leftAt), gt(me.lastMessageId, me.lastReadMessageId)));
  return row?.n ?? 0;
}
