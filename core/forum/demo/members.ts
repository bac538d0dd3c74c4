import { findUserByUsername, type User } from '../../accounts/index.ts';
import { createUser } from '../../accounts/service/users.ts';
import type { Db } from '../../db/index.ts';
import type { DemoMember } from './types.ts';

export interface DemoAccount {
  user: User;
  /** False when an account with this username was already there (its password is left alone). */
  created: boolean;
}

/** The demo members, reusing accounts that already exist (the setup wizard's admin is often "admin"). */
export async function ensureMembers(db: Db, members: DemoMember[], password: string): Promise<Map<string, DemoAccount>> {
  const accounts = new Map<string, DemoAccount>();
  for (const m of members) {
    const existing = await findUserByUsername(db, m.username);
    if (existing) {
      accounts.set(m.username, { user: existing, created: false });
      continue;
    }
    const user = await createUser(db, {
      username: m.username,
      displayName: m.displayName,
      email: `demo+${accounts.size + 1}@example.com`,
      password,
      role: m.role ?? 'member',
      locale: m.locale,
    });
    accounts.set(m.username, { user, created: true });
  }
  return accounts;
}
