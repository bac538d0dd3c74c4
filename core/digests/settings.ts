import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/index.ts';
import { siteSettings } from '../site/schema.ts';

/** Namespaced so it never collides with the site's own keys (core/site/settings.ts ignores it). */
const DELAY_KEY = 'mail.immediateDelayMinutes';

export const immediateDelaySchema = z.coerce
  .number({ error: 'mail.admin.delay.invalid' })
  .int('mail.admin.delay.invalid')
  .min(1, 'mail.admin.delay.invalid')
  .max(1440, 'mail.admin.delay.invalid');

export const DEFAULT_IMMEDIATE_DELAY_MINUTES = 10;

/** How long a reply, mention or message waits unread before it is emailed. */
export async function getImmediateDelayMinutes(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, DELAY_KEY));
  const parsed = immediateDelaySchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_IMMEDIATE_DELAY_MINUTES;
}

export async function setImmediateDelayMinutes(db: DbOrTx, minutes: number): Promise<void> {
  const value = immediateDelaySchema.parse(minutes);
  await db
    .insert(siteSettings)
    .values({ key: DELAY_KEY, value })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: sql`now()` } });
}
