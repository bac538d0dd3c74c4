import { and, eq, or } from 'drizzle-orm';
import type { User } from '../accounts/schema.ts';
import { createUser, emailKey } from '../accounts/service/users.ts';
import { normalizeUsername, usernameKey } from '../accounts/service/usernames.ts';
import type { Db } from '../db/index.ts';
import { UserError } from '../http/errors.tsx';
import { ValidationError, type FieldErrors } from '../http/validation.ts';
import { findUsableInvite, redeemInvite } from '../invites/service.ts';
import { getSiteSettings } from '../site/settings.ts';
import { listQuestions, readAnswers } from './questions.ts';
import { registrationRequests, type RegistrationRequest } from './schema.ts';

export interface RegistrationInput {
  username: string;
  displayName: string;
  email: string;
  password: string;
  locale?: string | null;
  /** The invite link's code, when the member came through one. */
  invite?: string;
  /** The form: questionnaire answers are its q<id> fields. */
  form: Record<string, string>;
}

export type RegistrationResult =
  | { kind: 'member'; user: User; inviterId: number | null }
  | { kind: 'pending'; request: RegistrationRequest };

/** The account itself: the language the form was in is not made the member's preference. */
function accountFields(input: RegistrationInput) {
  return { username: input.username, displayName: input.displayName, email: input.email, password: input.password };
}

/** Thrown inside a transaction to undo it while keeping what it produced. */
class Undo extends Error {
  constructor(readonly user: User) {
    super('undo');
  }
}

/**
 * Runs every check (and the password hashing) of a real account creation, then rolls it back: a request
 * waiting for approval is held to exactly the rules a member account is, and keeps the hash for later.
 */
async function prepareAccount(db: Db, input: RegistrationInput): Promise<User> {
  try {
    await db.transaction(async (tx) => {
      throw new Undo(await createUser(tx, accountFields(input)));
    });
  } catch (error) {
    if (error instanceof Undo) return error.user;
    throw error;
  }
  throw new Error('unreachable');
}

/** A username or email already waiting for approval counts as taken. */
async function checkPending(db: Db, input: RegistrationInput): Promise<void> {
  const key = usernameKey(normalizeUsername(input.username));
  const mail = emailKey(input.email);
  const rows = await db
    .select({ usernameKey: registrationRequests.usernameKey, emailKey: registrationRequests.emailKey })
    .from(registrationRequests)
    .where(and(eq(registrationRequests.status, 'pending'), or(eq(registrationRequests.usernameKey, key), eq(registrationRequests.emailKey, mail))));
  const errors: FieldErrors = {};
  if (rows.some((r) => r.usernameKey === key)) errors.username = 'account.username.taken';
  if (rows.some((r) => r.emailKey === mail)) errors.email = 'account.email.taken';
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/**
 * Registration in the forum's mode: open, invite-only (a usable invite is required) or with approval (the
 * account waits for staff unless an invite vouches for it). Questionnaire answers are checked and kept.
 */
export async function registerMember(db: Db, input: RegistrationInput): Promise<RegistrationResult> {
  const { registrationMode } = await getSiteSettings(db);
  const code = input.invite?.trim() ?? '';
  const invite = code ? await findUsableInvite(db, code) : undefined;
  if (code && !invite) throw new ValidationError({ invite: 'invites.invalid' });
  if (registrationMode === 'invite' && !invite) throw new UserError(403, 'onboarding.inviteOnly');
  const { answers, errors } = readAnswers(await listQuestions(db), input.form);

  if (registrationMode === 'approval' && !invite) {
    let prepared: User;
    try {
      await checkPending(db, input);
      prepared = await prepareAccount(db, input);
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError({ ...errors, ...error.fields });
      throw error;
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const [request] = await db
      .insert(registrationRequests)
      .values({
        username: prepared.username,
        usernameKey: prepared.usernameKey,
        displayName: prepared.displayName,
        email: prepared.email,
        emailKey: prepared.emailKey,
        passwordHash: prepared.passwordHash,
        locale: input.locale ?? null,
        answers,
      })
      .returning();
    return { kind: 'pending', request: request! };
  }

  if (Object.keys(errors).length) {
    // show account problems together with the questionnaire's
    try {
      await prepareAccount(db, input);
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError({ ...errors, ...error.fields });
      throw error;
    }
    throw new ValidationError(errors);
  }
  return db.transaction(async (tx) => {
    const user = await createUser(tx, accountFields(input));
    const redeemed = invite ? await redeemInvite(tx, invite.invite.id, user.id) : null;
    if (answers.length > 0 || redeemed) {
      await tx.insert(registrationRequests).values({
        username: user.username,
        usernameKey: user.usernameKey,
        displayName: user.displayName,
        email: user.email,
        emailKey: user.emailKey,
        passwordHash: null,
        locale: input.locale ?? null,
        answers,
        inviteId: redeemed?.id ?? null,
        status: 'approved',
        userId: user.id,
        decidedAt: new Date(),
      });
    }
    return { kind: 'member' as const, user, inviterId: redeemed?.inviterId ?? null };
  });
}

/** The answers a member gave when they joined (member page, approvals). */
export async function answersOf(db: Db, userId: number): Promise<RegistrationRequest | undefined> {
  const [row] = await db.select().from(registrationRequests).where(eq(registrationRequests.userId, userId)).limit(1);
  return row;
}

