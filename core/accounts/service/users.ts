import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import { fieldErrorsOf, isUniqueViolation, ValidationError } from '../../http/validation.ts';
import { users, type Role, type User } from '../schema.ts';
import { hashPassword } from './passwords.ts';
import { normalizeUsername, usernameKey, usernameProblem } from './usernames.ts';

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'account.email.invalid')
  .pipe(z.email('account.email.invalid'));

export const passwordSchema = z.string().min(8, 'account.password.short').max(200, 'account.password.long');

export const displayNameSchema = z
  .string()
  .transform((v) => v.normalize('NFKC').replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
  .pipe(z.string().max(40, 'account.displayName.long'));

export const newUserSchema = z.object({
  username: z.string().max(100, 'account.username.length'),
  displayName: displayNameSchema.optional(),
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(['member', 'moderator', 'admin']).optional(),
  locale: z.string().optional(),
});

export type NewUserInput = z.input<typeof newUserSchema>;

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a member, enforcing every registration rule. Throws ValidationError with per-field keys. */
export async function createUser(db: DbOrTx, input: NewUserInput): Promise<User> {
  // every problem at once, so the form shows all of them in one round trip
  const parsed = newUserSchema.safeParse(input);
  const username = normalizeUsername(String(input.username ?? ''));
  const problem = usernameProblem(username);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (problem) errors.username ??= `account.username.${problem}`;
  if (!parsed.success || problem) throw new ValidationError(errors);
  const data = parsed.data;
  const lowerPassword = data.password.toLowerCase();
  if (lowerPassword === username.toLowerCase() || lowerPassword === data.email.toLowerCase()) {
    throw new ValidationError({ password: 'account.password.sameAsName' });
  }
  const key = usernameKey(username);
  const mail = emailKey(data.email);
  const taken = await db
    .select({ usernameKey: users.usernameKey, emailKey: users.emailKey })
    .from(users)
    .where(or(eq(users.usernameKey, key), eq(users.emailKey, mail)))
    .limit(2);
  if (taken.some((u) => u.usernameKey === key)) throw new ValidationError({ username: 'account.username.taken' });
  if (taken.some((u) => u.emailKey === mail)) throw new ValidationError({ email: 'account.email.taken' });

  const passwordHash = await hashPassword(data.password);
  try {
    const [user] = await db
      .insert(users)
      .values({
        username,
        usernameKey: key,
        displayName: data.displayName || username,
        email: data.email.trim(),
        emailKey: mail,
        passwordHash,
        role: (data.role ?? 'member') as Role,
        locale: data.locale ?? null,
      })
      .returning();
    return user!;
  } catch (error) {
    // two registrations raced past the check above
    if (isUniqueViolation(error, 'users_username_key_idx')) throw new ValidationError({ username: 'account.username.taken' });
    if (isUniqueViolation(error, 'users_email_key_idx')) throw new ValidationError({ email: 'account.email.taken' });
    throw error;
  }
}

export async function findUserByLogin(db: DbOrTx, login: string): Promise<User | undefined> {
  const value = login.trim();
  const condition = value.includes('@')
    ? eq(users.emailKey, emailKey(value))
    : eq(users.usernameKey, usernameKey(normalizeUsername(value)));
  const [user] = await db.select().from(users).where(condition).limit(1);
  return user;
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.usernameKey, usernameKey(normalizeUsername(username))))
    .limit(1);
  return user;
}
