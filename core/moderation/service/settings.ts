import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import { moderationSettings } from '../schema.ts';

const count = (max: number) => z.coerce.number().int().min(0).max(max);
const domainList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,，]+/)))
  .transform((list) => [...new Set(list.map((d) => d.trim().toLowerCase().replace(/^\*?\./, '')).filter(Boolean))].slice(0, 500));

/**
 * Every automatic rule with its forum-wide default; 0 switches a limit off. Flood rules start off (admins
 * tune them to their community on /review/settings); blocked domains and watched words apply once listed.
 */
export const ruleConfigSchema = z.object({
  /** Flood control (刷屏). */
  floodMaxPerMinute: count(1000).default(0),
  floodMaxPerHour: count(10000).default(0),
  floodMinSeconds: count(3600).default(0),
  /** Near-duplicates of the member's own posts in the last N minutes (0: off). */
  duplicateWindowMinutes: count(10080).default(0),
  /** What a broken flood rule does. */
  floodAction: z.enum(['reject', 'hold']).default('reject'),
  /** Ads and links (广告): members "new" for this many days / until this many visible posts. */
  newMemberDays: count(365).default(3),
  newMemberPosts: count(1000).default(3),
  newMemberMaxLinks: count(100).default(5),
  blockedDomains: domainList.default([]),
  /** When not empty, new members may only link to these domains. */
  allowedDomains: domainList.default([]),
  holdLinkOnly: z.boolean().default(false),
  /** First posts of new members wait for approval (审核). */
  approveNewMemberPosts: z.boolean().default(false),
  /** Sum of report weights that hides a post pending review (0: never automatically). */
  reportHideThreshold: count(1000).default(3),
});

export type RuleConfig = z.infer<typeof ruleConfigSchema>;
export type RuleConfigKey = keyof RuleConfig;

/** Settings a category may override (the report threshold stays forum-wide). */
export const categoryRuleKeys = [
  'floodMaxPerMinute',
  'floodMaxPerHour',
  'floodMinSeconds',
  'duplicateWindowMinutes',
  'floodAction',
  'newMemberMaxLinks',
  'blockedDomains',
  'allowedDomains',
  'holdLinkOnly',
  'approveNewMemberPosts',
] as const satisfies readonly RuleConfigKey[];

const FORUM = 'forum';
const categoryScope = (id: number) => `category:${id}`;

const CACHE_MS = 2000;
const cache = new Map<string, { at: number; value: Partial<RuleConfig> }>();

export function invalidateRuleConfig(): void {
  cache.clear();
}

function parseStored(value: unknown, keys: readonly RuleConfigKey[]): Partial<RuleConfig> {
  const out: Record<string, unknown> = {};
  const stored = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  for (const key of keys) {
    if (!(key in stored)) continue;
    // a bad stored value is skipped rather than taking posting down
    const r = ruleConfigSchema.shape[key].safeParse(stored[key]);
    if (r.success) out[key] = r.data;
  }
  return out as Partial<RuleConfig>;
}

async function readScopes(db: DbOrTx, scopes: string[]): Promise<Map<string, unknown>> {
  const missing = scopes.filter((s) => {
    const hit = cache.get(s);
    return !hit || Date.now() - hit.at > CACHE_MS;
  });
  if (missing.length) {
    const rows = await db.select().from(moderationSettings).where(inArray(moderationSettings.scope, missing));
    const found = new Map(rows.map((r) => [r.scope, r.config]));
    for (const s of missing) {
      const keys = s === FORUM ? (Object.keys(ruleConfigSchema.shape) as RuleConfigKey[]) : categoryRuleKeys;
      cache.set(s, { at: Date.now(), value: parseStored(found.get(s), keys) });
    }
  }
  return new Map(scopes.map((s) => [s, cache.get(s)!.value]));
}

/** The forum's rules with a category's overrides on top. */
export async function ruleConfigFor(db: DbOrTx, categoryId?: number | null): Promise<RuleConfig> {
  const scopes = categoryId ? [FORUM, categoryScope(categoryId)] : [FORUM];
  const stored = await readScopes(db, scopes);
  const forum = ruleConfigSchema.parse(stored.get(FORUM) ?? {});
  return categoryId ? { ...forum, ...(stored.get(categoryScope(categoryId)) as Partial<RuleConfig>) } : forum;
}

/** A category's own overrides only (the settings form shows what is inherited). */
export async function categoryOverrides(db: DbOrTx, categoryId: number): Promise<Partial<RuleConfig>> {
  return (await readScopes(db, [categoryScope(categoryId)])).get(categoryScope(categoryId)) as Partial<RuleConfig>;
}

export async function saveRuleConfig(db: DbOrTx, categoryId: number | null, config: Partial<RuleConfig>): Promise<void> {
  const scope = categoryId ? categoryScope(categoryId) : FORUM;
  if (categoryId && Object.keys(config).length === 0) {
    await db.delete(moderationSettings).where(eq(moderationSettings.scope, scope));
  } else {
    await db
      .insert(moderationSettings)
      .values({ scope, config })
      .onConflictDoUpdate({ target: moderationSettings.scope, set: { config, updatedAt: new Date() } });
  }
  invalidateRuleConfig();
}
