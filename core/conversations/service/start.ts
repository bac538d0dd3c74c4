import { eq, inArray } from 'drizzle-orm';
import { users, type User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { canAct } from '../../forum/permissions.ts';
import { can } from '../../trust/abilities.ts';
import { trustSettings } from '../../trust/settings.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow, ValidationError } from '../../http/validation.ts';
import { conversationMessages, conversationParticipants, conversations, type Conversation, type ConversationMessage } from '../schema.ts';
import { assertNotBlocked } from './blocks.ts';
import { MAX_RECIPIENTS, startFormSchema } from './input.ts';
import { notificationTitle, renderMessage } from './render.ts';
import { notifyRecipients } from './notify.ts';

export interface StartConversationInput {
  from: User;
  /** Member ids of the other participants (1 to 10). */
  to: number[];
  title?: string | null;
  raw: string;
}

export interface StartOptions {
  /** Runs after every check passed, just before writing (the route counts the rate limit here). */
  beforeWrite?: () => Promise<void>;
}

/**
 * Starts a private conversation with a first message and notifies the recipients. Refuses with 403 when
 * the sender may not act or is blocked, and with ValidationError for bad input. Plugins call this too.
 */
export async function startConversation(
  db: DbOrTx,
  input: StartConversationInput,
  options: StartOptions = {},
): Promise<{ conversation: Conversation; message: ConversationMessage }> {
  const { from } = input;
  if (!canAct(from)) throw new UserError(403, 'conversations.sanctioned');
  // trust levels (core/trust): new members start conversations only from the configured level
  if (!can(from, 'sendMessages', await trustSettings(db))) throw new UserError(403, 'trust.cannot.sendMessages');
  const to = [...new Set(input.to)].filter((id) => id !== from.id);
  if (to.length === 0) throw new ValidationError({ to: 'conversations.to.required' });
  if (to.length > MAX_RECIPIENTS) throw new ValidationError({ to: 'conversations.to.tooMany' });
  const { title, raw } = parseOrThrow(startFormSchema, { title: input.title ?? '', raw: input.raw });
  const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, to));
  if (found.length !== to.length) throw new ValidationError({ to: 'conversations.to.unknownId' });
  await assertNotBlocked(db, from.id, to);
  await options.beforeWrite?.();

  const created = await db.transaction(async (tx) => {
    const [conversation] = await tx.insert(conversations).values({ title, creatorId: from.id }).returning();
    const id = conversation!.id;
    const [message] = await tx.insert(conversationMessages).values({ conversationId: id, authorId: from.id, raw, html: renderMessage(raw) }).returning();
    const messageId = message!.id;
    const [updated] = await tx
      .update(conversations)
      .set({ lastMessageId: messageId, messageCount: 1 })
      .where(eq(conversations.id, id))
      .returning();
    await tx.insert(conversationParticipants).values([
      { conversationId: id, userId: from.id, lastMessageId: messageId, lastReadMessageId: messageId },
      ...to.map((userId) => ({ conversationId: id, userId, lastMessageId: messageId })),
    ]);
    return { conversation: updated!, message: message! };
  });
  await notifyRecipients(db, {
    conversationId: created.conversation.id,
    title: notificationTitle(title, raw),
    message: created.message,
    sender: from,
    recipientIds: to,
  });
  return created;
}
