import { and, eq, isNull, sql } from 'drizzle-orm';
import type { User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { canAct } from '../../forum/permissions.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { conversationMessages, conversationParticipants, conversations, type ConversationMessage } from '../schema.ts';
import { assertNotBlocked } from './blocks.ts';
import { replyFormSchema } from './input.ts';
import { notifyRecipients } from './notify.ts';
import { active, participantsOf } from './participants.ts';
import { notificationTitle, renderMessage } from './render.ts';

/** Adds a message to a conversation the sender is in; 404 for anyone else. */
export async function replyToConversation(
  db: DbOrTx,
  input: { from: User; conversationId: number; raw: string },
): Promise<ConversationMessage> {
  const { from, conversationId } = input;
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId)).limit(1);
  const everyone = conversation ? await participantsOf(db, conversationId) : [];
  const present = active(everyone);
  if (!conversation || !present.some((p) => p.userId === from.id)) throw new UserError(404, 'error.404.body');
  if (!canAct(from)) throw new UserError(403, 'conversations.sanctioned');
  const others = present.filter((p) => p.userId !== from.id);
  if (others.length === 0) throw new UserError(403, 'conversations.reply.alone');
  const { raw } = parseOrThrow(replyFormSchema, { raw: input.raw });
  await assertNotBlocked(db, from.id, others.map((p) => p.userId));

  const message = await db.transaction(async (tx) => {
    const [row] = await tx.insert(conversationMessages).values({ conversationId, authorId: from.id, raw, html: renderMessage(raw) }).returning();
    const id = row!.id;
    await tx
      .update(conversations)
      .set({ lastMessageId: id, messageCount: sql`${conversations.messageCount} + 1` })
      .where(eq(conversations.id, conversationId));
    await tx
      .update(conversationParticipants)
      .set({
        lastMessageId: id,
        lastReadMessageId: sql`case when ${conversationParticipants.userId} = ${from.id} then ${id} else ${conversationParticipants.lastReadMessageId} end`,
      })
      .where(and(eq(conversationParticipants.conversationId, conversationId), isNull(conversationParticipants.leftAt)));
    return row!;
  });
  const [first] = conversation.title
    ? []
    : await db.select({ raw: conversationMessages.raw }).from(conversationMessages).where(eq(conversationMessages.conversationId, conversationId)).orderBy(conversationMessages.id).limit(1);
  await notifyRecipients(db, {
    conversationId,
    title: notificationTitle(conversation.title, first?.raw ?? raw),
    message,
    sender: from,
    recipientIds: others.filter((p) => !p.muted).map((p) => p.userId),
  });
  return message;
}
