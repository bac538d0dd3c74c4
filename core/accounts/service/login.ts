import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { sanctionExpired } from '../middleware.ts';
import { users, type User } from '../schema.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { normalizeUsername, usernameKey } from './usernames.ts';
import { emailKey } from './users.ts';

export type LoginResult =
  | { outcome: 'ok'; user: User }
  /** Unknown account or wrong password: deliberately the same answer. */
  | { outcome: 'invalid' }
  /** Right password, but the member is suspended or banned: they are told why. */
  | { outcome: 'sanctioned'; user: User };

/** What a login attempt is counted against: the account when it exists, else what was typed. */
export function loginSubject(user: User | undefined, login: string): string {
  if (user) return `u${user.id}`;
  const value = login.trim();
  return value.includes('@') ? `e${emailKey(value)}` : `n${usernameKey(normalizeUsername(value))}`;
}

export function isSanctioned(user: Pick<User, 'status' | 'statusUntil'>, now = new Date()): boolean {
  return user.status !== 'active' && !sanctionExpired(user, now);
}

/** Verifies a password; the work done is the same whether or not the account exists. */
export async function checkCredentials(user: User | undefined, password: string): Promise<LoginResult> {
  if (!user) {
    await verifyAgainstDummy(password);
    return { outcome: 'invalid' };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { outcome: 'invalid' };
  if (isSanctioned(user)) return { outcome: 'sanctioned', user };
  return { outcome: 'ok', user };
}

export async function markSeen(db: DbOrTx, userId: number): Promise<void> {
  await db.update(users).set({ lastSeenAt: sql`now()` }).where(eq(users.id, userId));
}
