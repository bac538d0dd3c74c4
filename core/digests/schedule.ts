import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { getSiteSettings } from '../site/settings.ts';
import { AHEAD_ZONE, duePeriod, periodKey } from './periods.ts';
import type { EmailDeps } from './recipient.ts';
import { emailPreferences } from './schema.ts';
import { DIGEST_SEND_JOB, digestDedupeKey } from './send.ts';

export const DIGEST_SCHEDULE_JOB = 'digests.schedule';
const BATCH = 1000;

/**
 * The digests.schedule job (every 15 minutes): one digests.send job per member whose digest is due in
 * their time zone. Members without a preferences row get the defaults (weekly, 08:00).
 */
export async function scheduleDigests(deps: EmailDeps, now = new Date()): Promise<number> {
  const site = await getSiteSettings(deps.db);
  const digest = sql<string>`coalesce(${emailPreferences.digest}::text, 'weekly')`;
  // No member anywhere can be in a later period than the zone furthest ahead: rows already past it are skipped in SQL.
  const ahead = sql`case ${digest} when 'daily' then ${periodKey('daily', now, AHEAD_ZONE)} else ${periodKey('weekly', now, AHEAD_ZONE)} end`;
  const last = emailPreferences.lastDigestPeriod;
  let after = 0;
  let queued = 0;
  for (;;) {
    const batch = await deps.db
      .select({
        id: users.id,
        timeZone: users.timeZone,
        digest,
        digestHour: sql<number>`coalesce(${emailPreferences.digestHour}, 8)`,
        lastDigestPeriod: last,
      })
      .from(users)
      .leftJoin(emailPreferences, eq(emailPreferences.userId, users.id))
      .where(
        and(
          gt(users.id, after),
          or(eq(users.status, 'active'), lte(users.statusUntil, now)),
          isNull(emailPreferences.unsubscribedAllAt),
          sql`${digest} <> 'none'`,
          or(isNull(last), sql`split_part(${last}, ':', 1) <> ${digest}`, sql`${last} < ${ahead}`),
        ),
      )
      .orderBy(asc(users.id))
      .limit(BATCH);
    for (const member of batch) {
      const timing = { digest: member.digest as 'daily' | 'weekly', digestHour: Number(member.digestHour), lastDigestPeriod: member.lastDigestPeriod };
      const key = duePeriod(timing, now, member.timeZone ?? site.timeZone);
      if (!key) continue;
      await deps.jobs.send(DIGEST_SEND_JOB, { userId: member.id, periodKey: key }, { singletonKey: digestDedupeKey(member.id, key) });
      queued++;
    }
    if (batch.length < BATCH) return queued;
    after = batch[batch.length - 1]!.id;
  }
}
