import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { KeptValue } from '../cache/kept-value.ts';
import type { DbOrTx } from '../db/index.ts';
import { locales } from '../i18n/index.ts';
import { siteSettings } from './schema.ts';

/** Every site setting, with its default. Keys are the table's keys. */
export const siteSettingsSchema = z.object({
  forumName: z.string().min(1).max(80).default('Forum'),
  description: z.string().max(500).default(''),
  defaultLocale: z.enum(locales).default('en'),
  timeZone: z.string().default('UTC'),
  setupComplete: z.boolean().default(false),
  /** One-time token a stranger cannot guess; printed in the server log until setup is done. */
  setupToken: z.string().nullable().default(null),
  /** Only staff-created tags may be used on threads. */
  restrictTags: z.boolean().default(false),
  /** Shown in the header instead of the name when set (an https URL or a path on this site). */
  logoUrl: z.string().max(500).default(''),
  /** open: anyone; invite: only through an invite link; approval: staff approve each registration. */
  registrationMode: z.enum(['open', 'invite', 'approval']).default('open'),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SiteSettingKey = keyof SiteSettings;

const keys = Object.keys(siteSettingsSchema.shape) as SiteSettingKey[];

/** Settings change rarely and are read on every request: a short cache keeps them off the hot path. */
const CACHE_MS = 2000;
const kept = new KeptValue(CACHE_MS, readSiteSettings);

export function invalidateSiteSettings(): void {
  kept.clear();
}

/** The settings if they were read in the last moments, without waiting (undefined: call getSiteSettings). */
export function siteSettingsIfCached(now = Date.now()): SiteSettings | undefined {
  return kept.ifHeld(now)?.value;
}

export function getSiteSettings(db: DbOrTx): Promise<SiteSettings> {
  return kept.get(db);
}

async function readSiteSettings(db: DbOrTx): Promise<SiteSettings> {
  const rows = await db.select().from(siteSettings).where(inArray(siteSettings.key, keys));
  const raw = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = siteSettingsSchema.safeParse(raw);
  // A bad stored value falls back to defaults for that key rather than taking the site down.
  return parsed.success ? parsed.data : parseLeniently(raw);
}

function parseLeniently(raw: Record<string, unknown>): SiteSettings {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const field = siteSettingsSchema.shape[key];
    const r = field.safeParse(raw[key]);
    out[key] = r.success ? r.data : field.parse(undefined);
  }
  return out as SiteSettings;
}

export async function updateSiteSettings(db: DbOrTx, patch: Partial<SiteSettings>): Promise<void> {
  // each given key on its own: zod's .partial() would still fill every other key with its default
  for (const [key, given] of Object.entries(patch)) {
    if (given === undefined) continue;
    const value: unknown = siteSettingsSchema.shape[key as SiteSettingKey].parse(given);
    if (value === null) {
      // jsonb null would become SQL NULL; an absent key reads back as its default (null)
      await db.delete(siteSettings).where(eq(siteSettings.key, key));
      continue;
    }
    await db
      .insert(siteSettings)
      .values({ key, value })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: new Date() } });
  }
  invalidateSiteSettings();
}

export async function deleteSiteSetting(db: DbOrTx, key: SiteSettingKey): Promise<void> {
  await db.delete(siteSettings).where(eq(siteSettings.key, key));
  invalidateSiteSettings();
}
