import type { User } from '../../accounts/schema.ts';
import type { RuleConfig } from '../service/settings.ts';

/** "New" for the ads and approval rules: joined recently, or too few visible posts yet. */
export function isNewMember(user: Pick<User, 'createdAt' | 'postCount'>, config: RuleConfig, now = new Date()): boolean {
  const days = (now.getTime() - user.createdAt.getTime()) / 86_400_000;
  return days < config.newMemberDays || user.postCount < config.newMemberPosts;
}
