import type { User } from '../../../core/accounts/schema.ts';
import { classMember, memberClassKey } from '../../../core/http/member-pages/member-class.ts';

const member = (changes: Partial<User> = {}): User => ({
  id: 7,
  username: 'alice',
  usernameKey: 'alice',
  displayName: 'Alice',
  email: 'alice@example.com',
  emailKey: 'alice@example.com',
  passwordHash: 'x',
  role: 'member',
  status: 'active',
  statusReason: null,
  statusUntil: null,
  silencedAt: null,
  silencedUntil: null,
  bio: '',
  avatarKey: null,
  locale: null,
  theme: 'system',
  timeZone: null,
  threadCount: 1,
  postCount: 2,
  likesReceived: 3,
  likesGiven: 4,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  lastSeenAt: null,
  trustLevel: 1,
  trustLevelLocked: false,
  groupIds: [],
  moderatedCategoryIds: [],
  ...changes,
});

describe('classes of members who share thread pages', () => {
  it('puts members who differ only in who they are in one class', () => {
    const other = member({ id: 8, username: 'bob', usernameKey: 'bob', displayName: 'Bob', email: 'b@example.com', postCount: 90, lastSeenAt: new Date() });
    expect(memberClassKey(other, 'en')).toBe(memberClassKey(member(), 'en'));
  });

  it('keeps apart everything a page’s permissions or formatting may read', () => {
    const base = memberClassKey(member(), 'en');
    for (const changes of [{ role: 'moderator' }, { trustLevel: 2 }, { groupIds: [3] }, { moderatedCategoryIds: [4] }, { timeZone: 'Asia/Shanghai' }, { theme: 'dark' }, { silencedAt: new Date() }] as Partial<User>[]) {
      expect(memberClassKey(member(changes), 'en')).not.toBe(base);
    }
    expect(memberClassKey(member(), 'zh-CN')).not.toBe(base);
    // a field added to members later splits classes until it is named as identity
    expect(memberClassKey({ ...member(), newPermission: true } as User, 'en')).not.toBe(base);
  });

  it('renders templates for a member with no identity: no one has id 0, and nothing of theirs shows', () => {
    const blank = classMember(member({ role: 'moderator', trustLevel: 3 }));
    expect(blank).toMatchObject({ id: 0, username: '', displayName: '', email: '', role: 'moderator', trustLevel: 3 });
  });
});
