import { and, eq, isNull, lte } from 'drizzle-orm';
import { users } from '../../../core/plugins/api.ts';
import { badgesBadges, badgesGrants } from '../schema.ts';
import type { BadgesApi } from '../settings.ts';
import { awardBadge } from './award.ts';

export const ANNIVERSARY_JOB = 'anniversary';
const BATCH = 500;

/** The daily job: members who joined a year ago or more and lack the one-year badge get it (each once). */
export async function grantAnniversaries(api: BadgesApi, now = new Date()): Promise<number> {
  const [badge] = await api.db.select().from(badgesBadges).where(and(eq(badgesBadges.slug, 'anniversary'), eq(badgesBadges.enabled, true)));
  if (!badge) return 0;
  const cutoff = new Date(now.getTime() - 365 * 86_400_000);
  let granted = 0;
  for (;;) {
    const due = await api.db
      .select({ id: users.id })
      .from(users)
      .leftJoin(badgesGrants, and(eq(badgesGrants.userId, users.id), eq(badgesGrants.badgeId, badge.id)))
      .where(and(lte(users.createdAt, cutoff), eq(users.status, 'active'), isNull(badgesGrants.id)))
      .orderBy(users.id)
      .limit(BATCH);
    for (const { id } of due) if (await awardBadge(api, id, badge)) granted += 1;
    if (due.length < BATCH) return granted;
  }
}
