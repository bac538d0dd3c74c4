import type { Database } from '../db/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Logger } from '../logger.ts';
import type { PluginRuntime } from '../plugins/runtime.ts';
import { getSiteSettings } from '../site/settings.ts';
import { analyticsInvitedMembers } from './schema.ts';
import { firstForumDay, missingDays, rollupDay } from './service/rollup.ts';
import { addDays, dayOf, isValidTimeZone } from './time.ts';

export const ROLLUP_JOB = 'analytics.rollup';
/** A server that was down for a while catches up on this many past days at most (older: `forum analytics rebuild`). */
const CATCH_UP_DAYS = 35;

export interface AnalyticsDeps {
  database: Database;
  jobs: JobQueue;
  plugins: PluginRuntime;
  logger: Logger;
}

export async function forumTimeZone(database: Database): Promise<string> {
  const zone = (await getSiteSettings(database.db)).timeZone;
  return isValidTimeZone(zone) ? zone : 'UTC';
}

/** The nightly job: yesterday is always recomputed (late likes, deletions); missed days are filled in. */
export async function runNightlyRollup(database: Database, now = new Date()): Promise<string[]> {
  const timeZone = await forumTimeZone(database);
  const yesterday = addDays(dayOf(now, timeZone), -1);
  const first = await firstForumDay(database, timeZone);
  if (!first || first > yesterday) return [];
  const from = [first, addDays(yesterday, -CATCH_UP_DAYS)].sort().at(-1)!;
  const days = new Set(await missingDays(database, from, addDays(yesterday, -1)));
  days.add(yesterday);
  const ordered = [...days].sort();
  for (const day of ordered) await rollupDay(database, day, timeZone);
  return ordered;
}

/** The roll-up job and the invitation listener; called once at start, before the job queue starts. */
export function registerAnalytics(deps: AnalyticsDeps): void {
  deps.jobs.define({
    name: ROLLUP_JOB,
    // 00:20 in the forum's time zone (the queue schedules in it): yesterday is over everywhere that matters
    cron: '20 0 * * *',
    retryLimit: 3,
    async handler() {
      const days = await runNightlyRollup(deps.database);
      deps.logger.info({ days: days.length }, 'analytics roll-up done');
    },
  });
  deps.plugins.hooks.addAction(
    'invite.accepted',
    async ({ inviterId, user }) => {
      await deps.database.db.insert(analyticsInvitedMembers).values({ userId: user.id, inviterId }).onConflictDoNothing();
    },
    { owner: 'core' },
  );
}
