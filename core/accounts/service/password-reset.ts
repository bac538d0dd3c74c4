import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/index.ts';
import { passwordResetTokens, users, type User } from '../schema.ts';
import { hashPassword } from './passwords.ts';
import { invalidateUserSessions } from './sessions.ts';
import { generateToken, hashToken } from './tokens.ts';

export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const tokenShape = /^[a-z2-7]{32}$/;

/** A new single-use token for the member; any earlier unused one stops working. */
export async function issueResetToken(db: Db, userId: number): Promise<string> {
  const token = generateToken();
  await db.transaction(async (tx) => {
    await tx
      .delete(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({
      id: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + RESET_TOKEN_LIFETIME_MS),
    });
  });
  return token;
}

/** The member a token belongs to, if it is well-formed, unused and not expired. */
export async function findResetTokenUser(db: DbOrTx, token: string): Promise<User | null> {
  if (!tokenShape.test(token)) return null;
  const [row] = await db
    .select({ user: users })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.id, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row?.user ?? null;
}

/**
 * Spends the token and sets the new password, signing the member out everywhere.
 * The token is claimed in the same statement that checks it, so two submissions cannot both use it.
 */
export async function resetPassword(db: Db, token: string, newPassword: string): Promise<User | null> {
  if (!tokenShape.test(token)) return null;
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResetTokens.id, hashToken(token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) return null;
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId)).returning();
    await invalidateUserSessions(tx, claimed.userId);
    return user ?? null;
  });
}
