import { and, asc, count, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { mailMessages, queueMail } from '../mail/index.ts';
import { getSiteSettings } from '../site/settings.ts';
import { localTime } from './periods.ts';
import { defaultEmailPreferences } from './preferences.ts';
import type { EmailDeps } from './recipient.ts';
import { emailPreferences } from './schema.ts';
import { composeDigest } from './send.ts';

export const WEMISSYOU_JOB = 'digests.wemissyou';
const DORMANT_DAYS = 30;
const BATCH = 200;

export function weMissYouKey(userId: number, month: string): string {
  return `wemissyou:${userId}:${month}`;
}

/** yyyy-mm in the site's time zone: the period "once per month" counts in. */
export async function currentMonth(db: DbOrTx, now = new Date()): Promise<string> {
  return localTime(now, (await getSiteSettings(db)).timeZone).month;
}

/** Not seen for 30 days (or never, and joined over 30 days ago), mail not turned off, not yet mailed this month. */
function dormant(now: Date, month: string) {
  const before = new Date(now.getTime() - DORMANT_DAYS * 86_400_000);
  return and(
    or(eq(users.status, 'active'), lte(users.statusUntil, now)),
    or(lt(users.lastSeenAt, before), and(isNull(users.lastSeenAt), lt(users.createdAt, before))),
    isNull(emailPreferences.unsubscribedAllAt),
    sql`not exists (select 1 from ${mailMessages} where ${mailMessages.dedupeKey} = 'wemissyou:' || ${users.id}::text || ${`:${month}`}::text)`,
  );
}

export async function countDormantMembers(db: DbOrTx, month: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .leftJoin(emailPreferences, eq(emailPreferences.userId, users.id))
    .where(dormant(now, month));
  return row?.n ?? 0;
}

/** The digests.wemissyou job: a summary of the last 30 days to each dormant member, at most once a month. */
export async function sendWeMissYou(deps: EmailDeps, month: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - DORMANT_DAYS * 86_400_000);
  let after = 0;
  let queued = 0;
  for (;;) {
    const batch = await deps.db
      .select({ user: users, prefs: emailPreferences })
      .from(users)
      .leftJoin(emailPreferences, eq(emailPreferences.userId, users.id))
      .where(and(gt(users.id, after), dormant(now, month)))
      .orderBy(asc(users.id))
      .limit(BATCH);
    for (const { user, prefs } of batch) {
      const { mail } = await composeDigest(deps, user, prefs ?? defaultEmailPreferences, 'wemissyou', since);
      const stored = await queueMail(deps.db, deps.jobs, {
        ...mail,
        to: user.email,
        kind: 'wemissyou',
        dedupeKey: weMissYouKey(user.id, month),
        userId: user.id,
        purpose: 'all',
      });
      if (stored.created) queued++;
    }
    if (batch.length < BATCH) return queued;
    after = batch[batch.length - 1]!.user.id;
  }
}
