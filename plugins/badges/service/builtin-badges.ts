import type { BadgeTier } from '../schema.ts';

/** What makes the forum check a built-in rule again. */
export type RuleTrigger = 'post' | 'like' | 'answer' | 'streak' | 'event' | 'invite' | 'anniversary';

/** The facts about a member the rules read, loaded once per check. */
export interface MemberFacts {
  posts: number;
  likesReceived: number;
  acceptedAnswers: number;
  streak: number;
  eventsAttended: number;
  invites: number;
  joinedAt: Date;
  now: Date;
}

export interface BuiltinBadge {
  slug: string;
  tier: BadgeTier;
  triggers: readonly RuleTrigger[];
  earned(facts: MemberFacts): boolean;
}

const YEAR_MS = 365 * 86_400_000;

/** Built-in badges (name and description in the locale files as badges.builtin.<slug>.name/.description). */
export const builtinBadges: readonly BuiltinBadge[] = [
  { slug: 'first-post', tier: 'bronze', triggers: ['post'], earned: (f) => f.posts >= 1 },
  { slug: 'first-answer', tier: 'silver', triggers: ['answer'], earned: (f) => f.acceptedAnswers >= 1 },
  { slug: 'liked-10', tier: 'bronze', triggers: ['like'], earned: (f) => f.likesReceived >= 10 },
  { slug: 'liked-100', tier: 'gold', triggers: ['like'], earned: (f) => f.likesReceived >= 100 },
  { slug: 'streak-7', tier: 'bronze', triggers: ['streak'], earned: (f) => f.streak >= 7 },
  { slug: 'streak-30', tier: 'gold', triggers: ['streak'], earned: (f) => f.streak >= 30 },
  { slug: 'event-attendee', tier: 'bronze', triggers: ['event'], earned: (f) => f.eventsAttended >= 1 },
  { slug: 'inviter-5', tier: 'silver', triggers: ['invite'], earned: (f) => f.invites >= 5 },
  { slug: 'anniversary', tier: 'silver', triggers: ['anniversary', 'streak', 'post'], earned: (f) => f.now.getTime() - f.joinedAt.getTime() >= YEAR_MS },
];
