import { z } from 'zod';
import type { DbOrTx } from '../db/index.ts';
import { readJsonSetting, writeJsonSetting } from './json-setting.ts';

export const TRUST_LEVELS = [0, 1, 2, 3, 4] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

const count = z.coerce.number({ error: 'trust.settings.number' }).int('trust.settings.number').min(0, 'trust.settings.number').max(1_000_000, 'trust.settings.number');

/** What a member needs to reach a level (every figure at least this), and how many upheld flags it tolerates. */
export const thresholdSchema = z.object({
  daysVisited: count,
  postsRead: count,
  readMinutes: count,
  likesGiven: count,
  likesReceived: count,
  posts: count,
  /** Upheld reports against the member's content in the last 180 days above which the level is lost. */
  maxFlagsAgainst: count,
});
export type Threshold = z.infer<typeof thresholdSchema>;

export const abilities = ['postLinks', 'postImages', 'sendMessages', 'editWiki', 'editTitles', 'recategorise'] as const;
export type Ability = (typeof abilities)[number];

const level = z.coerce.number({ error: 'trust.settings.level' }).int('trust.settings.level').min(0, 'trust.settings.level').max(4, 'trust.settings.level');

export const trustSettingsSchema = z.object({
  /** Thresholds for levels 1 to 4 (index 0 is level 1). */
  thresholds: z
    .array(thresholdSchema)
    .length(4)
    .default([
      { daysVisited: 1, postsRead: 20, readMinutes: 5, likesGiven: 0, likesReceived: 0, posts: 0, maxFlagsAgainst: 1000 },
      { daysVisited: 10, postsRead: 100, readMinutes: 30, likesGiven: 1, likesReceived: 1, posts: 3, maxFlagsAgainst: 3 },
      { daysVisited: 40, postsRead: 500, readMinutes: 120, likesGiven: 20, likesReceived: 20, posts: 20, maxFlagsAgainst: 1 },
      { daysVisited: 100, postsRead: 2000, readMinutes: 600, likesGiven: 100, likesReceived: 100, posts: 100, maxFlagsAgainst: 0 },
    ]),
  /** The lowest level that has each ability (staff have all of them). */
  abilityLevels: z
    .object({
      postLinks: level.default(1),
      postImages: level.default(1),
      // 0 by default so existing communities keep messaging as before; raise it to keep spam out of inboxes
      sendMessages: level.default(0),
      // wiki posts (posts.wiki, marked by staff) are meant to be improved by the community
      editWiki: level.default(1),
      editTitles: level.default(4),
      recategorise: level.default(4),
    })
    .default({ postLinks: 1, postImages: 1, sendMessages: 0, editWiki: 1, editTitles: 4, recategorise: 4 }),
  /** Below postLinks / postImages, a post may still carry this many (0 = none). */
  limitedLinks: count.default(2),
  limitedImages: count.default(1),
  /** How much one report counts at levels 0–4 (level 0 reaches the queue but hides nothing), and from staff. */
  reportWeights: z.array(count).length(5).default([0, 1, 1, 2, 2]),
  staffReportWeight: count.default(3),
});
export type TrustSettings = z.infer<typeof trustSettingsSchema>;

const KEY = 'community.trust';
const CACHE_MS = 5000;
let cache: { at: number; value: TrustSettings } | undefined;

export async function trustSettings(db: DbOrTx): Promise<TrustSettings> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.value;
  const value = await readJsonSetting(db, KEY, trustSettingsSchema);
  cache = { at: Date.now(), value };
  return value;
}

export async function saveTrustSettings(db: DbOrTx, value: z.input<typeof trustSettingsSchema>): Promise<TrustSettings> {
  const saved = await writeJsonSetting(db, KEY, trustSettingsSchema, value);
  cache = { at: Date.now(), value: saved };
  return saved;
}

/** Forget the cached settings: the next read goes to the database (tests that empty it under the same process). */
export function invalidateTrustSettings(): void {
  cache = undefined;
}

/** The last settings read in this process (defaults before the first read): for synchronous checks in views. */
export function cachedTrustSettings(): TrustSettings {
  return cache?.value ?? trustSettingsSchema.parse({});
}

export function trustSettingsAge(): number {
  return cache ? Date.now() - cache.at : Number.POSITIVE_INFINITY;
}
