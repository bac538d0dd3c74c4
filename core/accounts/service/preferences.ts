import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { parseOrThrow, ValidationError } from '../../http/validation.ts';
import { isValidTimeZone, locales } from '../../i18n/index.ts';
import { sessions, themePreferenceEnum, users, type User } from '../schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { checkNewPassword } from './password-rules.ts';
import { displayNameSchema } from './users.ts';

export const BIO_MAX_CHARS = 1000;

const preferencesSchema = z.object({
  displayName: displayNameSchema,
  bio: z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').replace(/[\p{Cc}\p{Cf}]/gu, (ch) => (ch === '\n' ? ch : '')).trim())
    .refine((v) => [...v].length <= BIO_MAX_CHARS, 'account.bio.long'),
  // "" is "automatic": follow the browser
  locale: z.union([z.literal(''), z.enum(locales)]).transform((v) => v || null),
  theme: z.enum(themePreferenceEnum.enumValues),
  timeZone: z
    .string()
    .trim()
    .transform((v) => v || null)
    .refine((v) => v === null || isValidTimeZone(v), 'account.timeZone.invalid'),
});

/** Form fields as submitted: the schema checks each one. */
export type PreferencesInput = Record<keyof z.input<typeof preferencesSchema>, string>;

export async function updatePreferences(db: DbOrTx, user: User, input: PreferencesInput): Promise<User> {
  const data = parseOrThrow(preferencesSchema, input);
  const [updated] = await db
    .update(users)
    .set({ ...data, displayName: data.displayName || user.username })
    .where(eq(users.id, user.id))
    .returning();
  return updated!;
}

/** Needs the current password; every other session of the member ends, this one stays. */
export async function changePassword(
  db: Db,
  user: User,
  keepSessionId: string,
  current: string,
  next: string,
): Promise<void> {
  if (!current) throw new ValidationError({ currentPassword: 'validation.required' });
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new ValidationError({ currentPassword: 'account.password.wrong' });
  }
  checkNewPassword(user, next, 'newPassword');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, keepSessionId)));
  });
}
