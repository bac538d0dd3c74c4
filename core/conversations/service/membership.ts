import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { conversationParticipants } from '../schema.ts';

const mine = (conversationId: number, userId: number) =>
  and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, userId), isNull(conversationParticipants.leftAt));

/** Leaves a conversation: it disappears from the inbox and its new messages no longer reach the member. */
export async function leaveConversation(db: DbOrTx, userId: number, conversationId: number): Promise<void> {
  const rows = await db.update(conversationParticipants).set({ leftAt: new Date() }).where(mine(conversationId, userId)).returning();
  if (rows.length === 0) throw new UserError(404, 'error.404.body');
}

/** A muted conversation still collects messages, without notifications. */
export async function setConversationMuted(db: DbOrTx, userId: number, conversationId: number, muted: boolean): Promise<void> {
  const rows = await db.update(conversationParticipants).set({ muted }).where(mine(conversationId, userId)).returning();
  if (rows.length === 0) throw new UserError(404, 'error.404.body');
}
