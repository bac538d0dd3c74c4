import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { conversationMessages, conversationParticipants, type ConversationMessage } from '../schema.ts';

export const MESSAGES_PAGE_SIZE = 50;

export interface MessageView {
  message: ConversationMessage;
  author: { id: number; username: string; displayName: string } | undefined;
}

/** The newest page of messages (or the one before message `before`), oldest first, with authors: two queries. */
export async function messagesPage(
  db: DbOrTx,
  conversationId: number,
  before?: number,
): Promise<{ items: MessageView[]; older: number | undefined }> {
  const rows = await db
    .select()
    .from(conversationMessages)
    .where(and(eq(conversationMessages.conversationId, conversationId), before ? lt(conversationMessages.id, before) : undefined))
    .orderBy(desc(conversationMessages.id))
    .limit(MESSAGES_PAGE_SIZE + 1);
  const more = rows.length > MESSAGES_PAGE_SIZE;
  const page = rows.slice(0, MESSAGES_PAGE_SIZE).reverse();
  return { items: await withAuthors(db, page), older: more ? page[0]?.id : undefined };
}

export async function withAuthors(db: DbOrTx, messages: ConversationMessage[]): Promise<MessageView[]> {
  const ids = [...new Set(messages.map((m) => m.authorId).filter((id): id is number => id !== null))];
  const people = ids.length
    ? await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, ids))
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return messages.map((message) => ({ message, author: message.authorId === null ? undefined : byId.get(message.authorId) }));
}

/** Marks messages up to `messageId` read; never moves backwards. */
export async function markConversationRead(db: DbOrTx, userId: number, conversationId: number, messageId: number): Promise<void> {
  await db
    .update(conversationParticipants)
    .set({ lastReadMessageId: sql`greatest(${conversationParticipants.lastReadMessageId}, ${messageId})` })
    .where(and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, userId)));
}
