import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { users, type User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { isStaffViewer } from '../../forum/permissions.ts';
import { UserError } from '../../http/errors.tsx';
import { userBlocks } from '../schema.ts';

/** Blocks private messages from another member. Staff cannot be blocked: moderation must reach everyone. */
export async function blockUser(db: DbOrTx, blocker: User, blocked: User): Promise<void> {
  if (blocker.id === blocked.id) throw new UserError(400, 'conversations.block.self');
  if (isStaffViewer(blocked)) throw new UserError(403, 'conversations.block.staff');
  await db.insert(userBlocks).values({ blockerId: blocker.id, blockedId: blocked.id }).onConflictDoNothing();
}

export async function unblockUser(db: DbOrTx, blockerId: number, blockedId: number): Promise<void> {
  await db.delete(userBlocks).where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
}

export async function isBlocking(db: DbOrTx, blockerId: number, blockedId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: userBlocks.blockerId })
    .from(userBlocks)
    .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Refuses a message from `senderId` to these members when one of them blocked the sender (or the sender
 * blocked them): one query, 403 naming the member.
 */
export async function assertNotBlocked(db: DbOrTx, senderId: number, otherIds: number[]): Promise<void> {
  if (otherIds.length === 0) return;
  const [row] = await db
    .select({ blockerId: userBlocks.blockerId, blockedId: userBlocks.blockedId, name: users.displayName })
    .from(userBlocks)
    .innerJoin(users, eq(users.id, sql`case when ${userBlocks.blockerId} = ${senderId} then ${userBlocks.blockedId} else ${userBlocks.blockerId} end`))
    .where(
      or(
        and(eq(userBlocks.blockedId, senderId), inArray(userBlocks.blockerId, otherIds)),
        and(eq(userBlocks.blockerId, senderId), inArray(userBlocks.blockedId, otherIds)),
      ),
    )
    .limit(1);
  if (!row) return;
  if (row.blockedId === senderId) throw new UserError(403, 'conversations.blockedBy', { name: row.name });
  throw new UserError(403, 'conversations.youBlocked', { name: row.name });
}
