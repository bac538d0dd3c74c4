import { and, asc, eq, isNull } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { conversationParticipants } from '../schema.ts';

export interface Participant {
  userId: number;
  username: string;
  displayName: string;
  muted: boolean;
  leftAt: Date | null;
  lastReadMessageId: number;
}

/** Everyone who is or was in a conversation, in the order they joined, with their names. */
export async function participantsOf(db: DbOrTx, conversationId: number): Promise<Participant[]> {
  return db
    .select({
      userId: conversationParticipants.userId,
      username: users.username,
      displayName: users.displayName,
      muted: conversationParticipants.muted,
      leftAt: conversationParticipants.leftAt,
      lastReadMessageId: conversationParticipants.lastReadMessageId,
    })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(eq(conversationParticipants.conversationId, conversationId))
    .orderBy(asc(conversationParticipants.joinedAt), asc(conversationParticipants.userId));
}

export function active(participants: Participant[]): Participant[] {
  return participants.filter((p) => p.leftAt === null);
}

/** The member's own row while they are in the conversation. */
export async function membership(db: DbOrTx, conversationId: number, userId: number) {
  const [row] = await db
    .select()
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
        isNull(conversationParticipants.leftAt),
      ),
    )
    .limit(1);
  return row;
}
