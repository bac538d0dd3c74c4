import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/index.ts';
import { siteSettings } from '../site/schema.ts';

/**
 * Community settings that are one JSON document each (trust thresholds, invitations, onboarding), stored in
 * site_settings under their own key. A stored value that no longer parses falls back to the defaults.
 */
export async function readJsonSetting<S extends z.ZodType>(db: DbOrTx, key: string, schema: S): Promise<z.output<S>> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, key)).limit(1);
  const parsed = schema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

export async function writeJsonSetting<S extends z.ZodType>(db: DbOrTx, key: string, schema: S, value: z.input<S>): Promise<z.output<S>> {
  const parsed = schema.parse(value);
  await db
    .insert(siteSettings)
    .values({ key, value: parsed as object })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value: parsed as object, updatedAt: new Date() } });
  return parsed;
}
