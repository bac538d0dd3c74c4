import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import { sessions, users, type Session, type User } from '../schema.ts';
import { generateToken, hashToken } from './tokens.ts';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** Sliding expiry: a session used in its second half is extended to a full lifetime again. */
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export interface SessionValidation {
  session: Session;
  user: User;
  /** The expiry moved: the cookie must be re-sent with the new date. */
  renewed: boolean;
}

export async function createSession(
  db: DbOrTx,
  userId: number,
  userAgent?: string,
): Promise<{ token: string; session: Session }> {
  const token = generateToken();
  const [session] = await db
    .insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
    })
    .returning();
  return { token, session: session! };
}

export async function validateSessionToken(db: DbOrTx, token: string): Promise<SessionValidation | null> {
  const id = hashToken(token);
  const query = prepared(db, 'sessions.withUser', (d) =>
    d
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(sessions.userId, users.id))
      .where(eq(sessions.id, sql.placeholder('id')))
      .limit(1)
      .prepare('session_with_user'),
  );
  const [row] = await query.execute({ id });
  if (!row) return null;
  const now = Date.now();
  if (now >= row.session.expiresAt.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let renewed = false;
  if (dueForRenewal(row.session, now)) {
    row.session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
    await db.update(sessions).set({ expiresAt: row.session.expiresAt }).where(eq(sessions.id, id));
    renewed = true;
  }
  return { session: row.session, user: row.user, renewed };
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** "Log out everywhere", and what a password reset or a ban does. */
export async function invalidateUserSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Whether a session is close enough to its expiry that validating it extends it (Lucia's sliding window). */
export function dueForRenewal(session: Pick<Session, 'expiresAt'>, now = Date.now()): boolean {
  return now >= session.expiresAt.getTime() - RENEW_WHEN_LEFT_MS;
}
