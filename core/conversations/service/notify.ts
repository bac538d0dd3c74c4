import type { User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { notifyGrouped } from '../../notifications/index.ts';
import type { ConversationMessage } from '../schema.ts';

export function conversationGroupKey(conversationId: number): string {
  return `conversation:${conversationId}`;
}

/**
 * A new message for each recipient (active, not muted, not the sender). Messages of one conversation pile
 * up in one unread notification, so a lively conversation is one line in the bell, not twenty.
 */
export async function notifyRecipients(
  db: DbOrTx,
  input: { conversationId: number; title: string; message: ConversationMessage; sender: Pick<User, 'id' | 'displayName'>; recipientIds: number[] },
): Promise<void> {
  for (const userId of input.recipientIds) {
    await notifyGrouped(db, {
      userId,
      type: 'message',
      data: { actor: input.sender.displayName, title: input.title, count: 1 },
      url: `/messages/${input.conversationId}#message-${input.message.id}`,
      actorId: input.sender.id,
      groupKey: conversationGroupKey(input.conversationId),
      counter: 'count',
      repeatActorCounts: true,
    });
  }
}
