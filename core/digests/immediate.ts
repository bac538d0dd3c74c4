import { and, asc, eq, gt, lte, max, min, sql, TransactionRollbackError } from 'drizzle-orm';
import { users, type User } from '../accounts/schema.ts';
import { canAct } from '../forum/permissions.ts';
import { enqueueMail, insertMail } from '../mail/index.ts';
import { notifications } from '../notifications/index.ts';
import { renderNoticeMail, type NoticeItem } from './mail/notice-mail.tsx';
import { allowsPurpose, defaultEmailPreferences, type EmailChoices } from './preferences.ts';
import { recipientOf, unsubscribeFor, type EmailDeps } from './recipient.ts';
import { emailJobCursors, emailPreferences, notificationEmails } from './schema.ts';
import { getImmediateDelayMinutes } from './settings.ts';

export const IMMEDIATE_JOB = 'mail.immediate';

/** Which choice lets each notification type be emailed. */
const choiceFor: Record<string, 'immediateReplies' | 'immediateMentions' | 'immediateMessages'> = {
  reply: 'immediateReplies',
  quote: 'immediateReplies',
  mention: 'immediateMentions',
  message: 'immediateMessages',
};

const BATCH = 500;
// older news is for the digest
const HORIZON_MS = 24 * 60 * 60 * 1000;

interface Candidate extends NoticeItem {
  id: number;
  createdAt: Date;
}

/**
 * The mail.immediate job (every minute). A reply, mention or message is emailed only if the member
 * chose that, it is still unread after the delay, and the member has not been on the site since it
 * arrived (they would have seen the bell). Notifications are walked by id from where the last run stopped.
 */
export async function sendImmediateEmails(deps: EmailDeps, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - (await getImmediateDelayMinutes(deps.db)) * 60_000);
  const horizon = new Date(now.getTime() - HORIZON_MS);
  let after = await startingPoint(deps, horizon);
  let sent = 0;
  for (;;) {
    // every notification old enough, whatever its type, so the cursor moves past all of them
    const rows = await deps.db
      .select({ n: notifications, user: users, prefs: emailPreferences })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(emailPreferences, eq(emailPreferences.userId, notifications.userId))
      .where(and(gt(notifications.id, after), lte(notifications.createdAt, cutoff)))
      .orderBy(asc(notifications.id))
      .limit(BATCH);
    const byUser = new Map<number, { user: User; items: Candidate[] }>();
    for (const { n, user, prefs } of rows) {
      if (n.createdAt <= horizon || !wantsEmail(n, user, prefs ?? defaultEmailPreferences, now)) continue;
      const entry = byUser.get(user.id) ?? { user, items: [] };
      entry.items.push({ id: n.id, type: n.type, data: n.data, url: n.url, createdAt: n.createdAt });
      byUser.set(user.id, entry);
    }
    for (const { user, items } of byUser.values()) if (await emailMember(deps, user, items)) sent++;
    if (rows.length > 0) {
      after = rows[rows.length - 1]!.n.id;
      await saveCursor(deps, after);
    }
    if (rows.length < BATCH) return sent;
  }
}

/** Where the last run stopped; on the very first run, just before the notifications of the last day. */
async function startingPoint(deps: EmailDeps, horizon: Date): Promise<number> {
  const [cursor] = await deps.db.select().from(emailJobCursors).where(eq(emailJobCursors.job, IMMEDIATE_JOB));
  if (cursor) return cursor.lastId;
  const [recent] = await deps.db.select({ id: min(notifications.id) }).from(notifications).where(gt(notifications.createdAt, horizon));
  const [newest] = await deps.db.select({ id: max(notifications.id) }).from(notifications);
  const start = recent?.id != null ? recent.id - 1 : (newest?.id ?? 0);
  await saveCursor(deps, start);
  return start;
}

async function saveCursor(deps: EmailDeps, lastId: number): Promise<void> {
  await deps.db
    .insert(emailJobCursors)
    .values({ job: IMMEDIATE_JOB, lastId })
    .onConflictDoUpdate({ target: emailJobCursors.job, set: { lastId, updatedAt: sql`now()` } });
}

function wantsEmail(n: typeof notifications.$inferSelect, user: User, prefs: EmailChoices, now: Date): boolean {
  const choice = choiceFor[n.type];
  if (!choice || !prefs[choice] || !allowsPurpose(prefs, 'replies')) return false;
  if (n.readAt || !canAct(user, now)) return false;
  return user.lastSeenAt === null || user.lastSeenAt < n.createdAt;
}

/** One email for the member's pending notifications; each notification is claimed so it is emailed once. */
async function emailMember(deps: EmailDeps, user: User, items: Candidate[]): Promise<boolean> {
  const recipient = await recipientOf(deps.db, user);
  const unsubscribe = unsubscribeFor(deps, user.id, 'replies');
  const mail = await renderNoticeMail({ recipient, unsubscribe, origin: deps.origin, items });
  const ids = items.map((i) => i.id);
  const stored = await deps.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(notificationEmails)
      .values(ids.map((notificationId) => ({ notificationId })))
      .onConflictDoNothing()
      .returning({ id: notificationEmails.notificationId });
    // another run got some of them first: leave them all to it rather than mail a partial list twice
    if (claimed.length !== ids.length) tx.rollback();
    return insertMail(tx, {
      ...mail,
      headers: unsubscribe.headers,
      to: user.email,
      kind: 'notification',
      dedupeKey: `notice:${user.id}:${Math.min(...ids)}`,
      userId: user.id,
      purpose: 'replies',
    });
  }).catch((error: unknown) => {
    if (error instanceof TransactionRollbackError) return null;
    throw error;
  });
  if (stored?.created) await enqueueMail(deps.jobs, stored.id);
  return Boolean(stored?.created);
}
