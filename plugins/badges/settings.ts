import { z } from 'zod';
import type { PluginApi } from '../../core/plugins/api.ts';
import type { EarningAction } from './schema.ts';

const points = (value: number) => z.number().int().min(0).max(10_000).default(value);
/** Points per day a member may earn from one action; 0 means no cap. */
const cap = (value: number) => z.number().int().min(0).max(100_000).default(value);

/** `7:20, 30:100` — bonus points on reaching a check-in streak of 7 and 30 days. */
export const milestonesPattern = /^\s*(\d{1,4}\s*:\s*\d{1,5}\s*)(,\s*\d{1,4}\s*:\s*\d{1,5}\s*)*$/;

export const badgesSettings = z.object({
  pointsThread: points(5),
  pointsReply: points(2),
  pointsLike: points(1),
  pointsAnswer: points(15),
  pointsCheckin: points(2),
  pointsEvent: points(10),
  pointsInvite: points(20),
  pointsPoll: points(1),
  pointsSignup: points(0),
  capThread: cap(25),
  capReply: cap(40),
  capLike: cap(50),
  capAnswer: cap(0),
  capCheckin: cap(0),
  capEvent: cap(0),
  capInvite: cap(100),
  capPoll: cap(10),
  /** Likes from the same member to the same author count at most this many times a day. */
  likeSamePairPerDay: z.number().int().min(0).max(100).default(3),
  /** Take back what a post earned (its grant and its likes) when staff delete it. */
  reverseOnStaffDelete: z.boolean().default(true),
  streakMilestones: z.string().max(200).regex(milestonesPattern).or(z.literal('')).default('7:20, 30:100, 100:300, 365:1000'),
});

export type BadgesSettings = z.infer<typeof badgesSettings>;
export type BadgesApi = PluginApi<BadgesSettings>;

const pointsKey = { thread: 'pointsThread', reply: 'pointsReply', like: 'pointsLike', answer: 'pointsAnswer', checkin: 'pointsCheckin', event: 'pointsEvent', invite: 'pointsInvite', poll: 'pointsPoll' } as const;
const capKey = { thread: 'capThread', reply: 'capReply', like: 'capLike', answer: 'capAnswer', checkin: 'capCheckin', event: 'capEvent', invite: 'capInvite', poll: 'capPoll' } as const;

export function pointsFor(settings: BadgesSettings, action: EarningAction): number {
  return settings[pointsKey[action]];
}

export function capFor(settings: BadgesSettings, action: EarningAction): number {
  return settings[capKey[action]];
}

/** Streak length → bonus points, from the admin's `7:20, 30:100` text. */
export function parseMilestones(text: string): Map<number, number> {
  const out = new Map<number, number>();
  if (!milestonesPattern.test(text)) return out;
  for (const part of text.split(',')) {
    const [days, bonus] = part.split(':').map((s) => Number(s.trim()));
    if (days && days > 0 && bonus !== undefined) out.set(days, bonus);
  }
  return out;
}
