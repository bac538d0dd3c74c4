import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/index.ts';
import { parseOrThrow, ValidationError } from '../http/validation.ts';
import { digestFrequencyEnum, emailPreferences, type EmailPreferences } from './schema.ts';
import type { UnsubscribePurpose } from './tokens.ts';

export type EmailChoices = Omit<EmailPreferences, 'userId' | 'updatedAt'>;

export const defaultEmailPreferences: EmailChoices = {
  digest: 'weekly',
  digestHour: 8,
  digestCategories: [],
  immediateReplies: true,
  immediateMentions: true,
  immediateMessages: true,
  lastDigestAt: null,
  lastDigestPeriod: null,
  unsubscribedAllAt: null,
};

export async function getEmailPreferences(db: DbOrTx, userId: number): Promise<EmailChoices> {
  const [row] = await db.select().from(emailPreferences).where(eq(emailPreferences.userId, userId));
  return row ?? defaultEmailPreferences;
}

export async function patchEmailPreferences(db: DbOrTx, userId: number, patch: Partial<EmailChoices>): Promise<void> {
  await db
    .insert(emailPreferences)
    .values({ userId, ...patch })
    .onConflictDoUpdate({ target: emailPreferences.userId, set: { ...patch, updatedAt: sql`now()` } });
}

/** The settings form: strings from selects, booleans for checkboxes, categories a list of ids. */
export const emailPreferencesInput = z.object({
  digest: z.enum(digestFrequencyEnum.enumValues, { error: 'digests.prefs.digest.invalid' }),
  digestHour: z.coerce
    .number({ error: 'digests.prefs.hour.invalid' })
    .int('digests.prefs.hour.invalid')
    .min(0, 'digests.prefs.hour.invalid')
    .max(23, 'digests.prefs.hour.invalid'),
  digestCategories: z
    .array(z.coerce.number({ error: 'digests.prefs.categories.invalid' }).int('digests.prefs.categories.invalid').positive('digests.prefs.categories.invalid'))
    .max(200, 'digests.prefs.categories.invalid')
    .default([]),
  immediateReplies: z.boolean(),
  immediateMentions: z.boolean(),
  immediateMessages: z.boolean(),
  unsubscribedAll: z.boolean(),
});

/** Saves the form; categories must be ones the member can read. Throws ValidationError with per-field keys. */
export async function saveEmailPreferences(
  db: DbOrTx,
  userId: number,
  input: unknown,
  readableCategoryIds: readonly number[],
): Promise<void> {
  const data = parseOrThrow(emailPreferencesInput, input);
  if (data.digestCategories.some((id) => !readableCategoryIds.includes(id))) {
    throw new ValidationError({ digestCategories: 'digests.prefs.categories.invalid' });
  }
  const current = await getEmailPreferences(db, userId);
  const { unsubscribedAll, ...choices } = data;
  await patchEmailPreferences(db, userId, {
    ...choices,
    digestCategories: [...new Set(choices.digestCategories)],
    unsubscribedAllAt: unsubscribedAll ? (current.unsubscribedAllAt ?? new Date()) : null,
  });
}

/** What a one-click unsubscribe turns off. Repeating it changes nothing more. */
export async function unsubscribe(db: DbOrTx, userId: number, purpose: UnsubscribePurpose): Promise<void> {
  if (purpose === 'digest') return patchEmailPreferences(db, userId, { digest: 'none' });
  if (purpose === 'replies') return patchEmailPreferences(db, userId, { immediateReplies: false, immediateMentions: false, immediateMessages: false });
  const current = await getEmailPreferences(db, userId);
  if (!current.unsubscribedAllAt) await patchEmailPreferences(db, userId, { unsubscribedAllAt: new Date() });
}

/** Checked when a mail goes out: has the member since turned this kind of mail off? */
export function allowsPurpose(prefs: EmailChoices, purpose: string): boolean {
  if (prefs.unsubscribedAllAt) return false;
  if (purpose === 'digest') return prefs.digest !== 'none';
  if (purpose === 'replies') return prefs.immediateReplies || prefs.immediateMentions || prefs.immediateMessages;
  return true;
}
