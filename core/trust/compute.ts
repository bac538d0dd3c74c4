import type { Threshold, TrustLevel } from './settings.ts';

/** The activity figures trust levels are computed from. */
export interface TrustStats {
  daysVisited: number;
  postsRead: number;
  /** Estimated from reading: a few seconds per post read and per thread entered. */
  readMinutes: number;
  likesGiven: number;
  likesReceived: number;
  posts: number;
  flagsAgainst: number;
}

export function meetsThreshold(stats: TrustStats, t: Threshold): boolean {
  return (
    stats.daysVisited >= t.daysVisited &&
    stats.postsRead >= t.postsRead &&
    stats.readMinutes >= t.readMinutes &&
    stats.likesGiven >= t.likesGiven &&
    stats.likesReceived >= t.likesReceived &&
    stats.posts >= t.posts &&
    stats.flagsAgainst <= t.maxFlagsAgainst
  );
}

/** The highest level whose threshold, and every lower one, the member meets. */
export function computeTrustLevel(stats: TrustStats, thresholds: Threshold[]): TrustLevel {
  let level = 0;
  for (const [i, t] of thresholds.entries()) {
    if (!meetsThreshold(stats, t)) break;
    level = i + 1;
  }
  return level as TrustLevel;
}

const SECONDS_PER_POST = 8;
const SECONDS_PER_THREAD = 20;

export function estimateReadMinutes(postsRead: number, threadsEntered: number): number {
  return Math.floor((postsRead * SECONDS_PER_POST + threadsEntered * SECONDS_PER_THREAD) / 60);
}
