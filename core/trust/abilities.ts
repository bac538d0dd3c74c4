import type { User } from '../accounts/schema.ts';
import { cachedTrustSettings, type Ability, type TrustLevel, type TrustSettings } from './settings.ts';

type Member = Pick<User, 'role'> & Partial<Pick<User, 'trustLevel'>>;

function isStaff(user: Member): boolean {
  return user.role === 'admin' || user.role === 'moderator';
}

/** A member's trust level; staff count as the top level. */
export function trustLevelOf(user: Member | null): TrustLevel {
  if (!user) return 0;
  if (isStaff(user)) return 4;
  return Math.max(0, Math.min(4, user.trustLevel ?? 0)) as TrustLevel;
}

/**
 * Whether a member's level unlocks an ability. Synchronous for views: it reads the settings this process
 * last loaded (core/trust/settings.ts refreshes them at most every few seconds as they are used).
 */
export function can(user: Member | null, ability: Ability, settings: TrustSettings = cachedTrustSettings()): boolean {
  if (!user) return false;
  if (isStaff(user)) return true;
  return trustLevelOf(user) >= settings.abilityLevels[ability];
}

/** How much one report by this member counts towards hiding content (core/moderation). */
export function reportWeight(user: Member, settings: TrustSettings = cachedTrustSettings()): number {
  if (isStaff(user)) return settings.staffReportWeight;
  return settings.reportWeights[trustLevelOf(user)] ?? 1;
}
