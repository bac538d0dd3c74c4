import { inArray } from 'drizzle-orm';
import { users, type User } from '../../accounts/schema.ts';
import { normalizeUsername, usernameKey } from '../../accounts/service/usernames.ts';
import type { DbOrTx } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { recipientsFormSchema } from './input.ts';

/** "alice, bob" → those members, in one query; 422 naming whoever does not exist. */
export async function resolveRecipients(db: DbOrTx, field: string): Promise<User[]> {
  const { to: names } = parseOrThrow(recipientsFormSchema, { to: field });
  const keyOf = (name: string) => usernameKey(normalizeUsername(name));
  const found = await db.select().from(users).where(inArray(users.usernameKey, [...new Set(names.map(keyOf))]));
  const byKey = new Map(found.map((u) => [u.usernameKey, u]));
  const missing = names.filter((name) => !byKey.has(keyOf(name)));
  if (missing.length > 0) throw new UserError(422, 'conversations.to.unknown', { names: missing.join(', ') });
  return [...new Map(names.map((name) => [keyOf(name), byKey.get(keyOf(name))!])).values()];
}
