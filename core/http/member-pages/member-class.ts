import type { User } from '../../accounts/schema.ts';

/**
 * What makes one member's page different from another's beyond the parts each fills in (core/ui/member-parts.tsx):
 * their identity. Every other field of the member (role, status, silence, trust level, groups, moderated
 * categories, theme, language and time zone preferences, and any field added later) decides which template
 * they share, so a permission that comes to depend on a new field splits classes instead of leaking a page.
 */
const identityFields = [
  'id',
  'username',
  'usernameKey',
  'displayName',
  'email',
  'emailKey',
  'passwordHash',
  'statusReason',
  'bio',
  'avatarKey',
  'threadCount',
  'postCount',
  'likesReceived',
  'likesGiven',
  'createdAt',
  'lastSeenAt',
] as const satisfies readonly (keyof User)[];

type IdentityField = (typeof identityFields)[number];
const identity = new Set<string>(identityFields);

/** The member with their identity blanked: who a shared template is rendered for. No member has id 0. */
export function classMember(user: User): User {
  const blank: Pick<User, IdentityField> = {
    id: 0,
    username: '',
    usernameKey: '',
    displayName: '',
    email: '',
    emailKey: '',
    passwordHash: '',
    statusReason: null,
    bio: '',
    avatarKey: null,
    threadCount: 0,
    postCount: 0,
    likesReceived: 0,
    likesGiven: 0,
    createdAt: new Date(0),
    lastSeenAt: null,
  };
  return { ...user, ...blank };
}

/** The key of the members who share templates: every field but identity, with the language the request negotiated. */
export function memberClassKey(user: User, locale: string): string {
  let key = keys.get(user);
  if (key === undefined) {
    const facts: unknown[] = [];
    for (const [name, value] of Object.entries(user)) {
      if (identity.has(name)) continue;
      facts.push(name, value instanceof Date ? value.getTime() : value);
    }
    key = JSON.stringify(facts);
    keys.set(user, key);
  }
  return `${locale} ${key}`;
}

/** The session cache hands out one object per member while it holds them (and it is never changed but for
 * `lastSeenAt`, an identity field): their key is made once. */
const keys = new WeakMap<User, string>();
