import { sql } from 'drizzle-orm';
import type { User } from '../../../core/accounts/schema.ts';
import { createPost } from '../../../core/forum/service/create-post.ts';
import { createThread } from '../../../core/forum/service/create-thread.ts';
import type { PluginDefinition } from '../../../core/plugins/api.ts';
import { saveRuleConfig } from '../../../core/moderation/index.ts';
import { updateSiteSettings } from '../../../core/site/settings.ts';
import { createTestForum, type TestForum } from '../../../test/helpers/app.ts';
import { insertCategory } from '../../../test/plugins/helpers.ts';
import badges from '../plugin.tsx';
import type { BadgesApi, BadgesSettings } from '../settings.ts';

export { badges };

/**
 * A forum with the badges plugin and a category to post in. `api` is the plugin's own API object (captured
 * from setup) so tests call its services the way its routes do.
 */
export async function badgesForum(options: { settings?: Partial<BadgesSettings>; timeZone?: string; plugins?: PluginDefinition[]; env?: Record<string, string> } = {}) {
  let captured: BadgesApi | undefined;
  const wrapped = { ...badges, setup: (api: BadgesApi) => ((captured = api), badges.setup(api)) } as unknown as PluginDefinition;
  const forum = await createTestForum({ plugins: [wrapped, ...(options.plugins ?? [])], env: options.env });
  if (options.settings) await forum.deps.pluginHost.state.setSettings('badges', options.settings);
  if (options.timeZone) await updateSiteSettings(forum.deps.db, { timeZone: options.timeZone });
  // tests post quickly and alike: flood control (core moderation) is not what they exercise
  await saveRuleConfig(forum.deps.db, null, { floodMaxPerMinute: 0, floodMaxPerHour: 0, floodMinSeconds: 0, duplicateWindowMinutes: 0 });
  const category = await insertCategory(forum.deps.db, 'General');
  return { forum, api: captured!, category };
}

export async function startThread(forum: TestForum, user: User, categoryId: number, title = 'Weekend plans for the group') {
  return createThread({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false }, { categoryId, title, raw: 'What shall we do this weekend?' });
}

export async function reply(forum: TestForum, user: User, threadId: number) {
  return (await createPost({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user }, { threadId, raw: 'Count me in, sounds great!' })).post;
}

/** The member's balance and lifetime points from the totals row, and the sums of the ledger (they must agree). */
export async function points(forum: TestForum, userId: number) {
  const [totals] = await forum.deps.database.rows<{ balance: number; lifetime: number; level: number; streak: number; longest: number }>(
    sql`select balance, lifetime, level, streak, longest_streak as longest from badges_members where user_id = ${userId}`,
  );
  const [sums] = await forum.deps.database.rows<{ balance: number; lifetime: number }>(
    sql`select coalesce(sum(points), 0)::int as balance,
               coalesce(sum(points) filter (where reason not in ('redemption', 'refund')), 0)::int as lifetime
        from badges_ledger where user_id = ${userId}`,
  );
  return { balance: totals?.balance ?? 0, lifetime: totals?.lifetime ?? 0, level: totals?.level ?? 1, streak: totals?.streak ?? 0, longest: totals?.longest ?? 0, ledger: sums! };
}

export async function count(forum: TestForum, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await forum.deps.database.rows<{ n: number }>(query);
  return Number(row?.n ?? 0);
}

export async function heldBadges(forum: TestForum, userId: number): Promise<string[]> {
  const rows = await forum.deps.database.rows<{ slug: string }>(
    sql`select b.slug from badges_grants g join badges_badges b on b.id = g.badge_id where g.user_id = ${userId} order by b.slug`,
  );
  return rows.map((r) => r.slug);
}
