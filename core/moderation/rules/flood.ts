import { and, desc, eq, gt } from 'drizzle-orm';
import type { User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { posts } from '../../forum/index.ts';
import type { RuleConfig } from '../service/settings.ts';
import { compact } from './text.ts';

export type FloodVerdict = { rule: 'perMinute' | 'perHour'; limit: number } | { rule: 'tooSoon'; seconds: number } | { rule: 'duplicate' } | null;

/** Two texts this close (Dice coefficient over character pairs of their compact forms) count as one. */
const NEAR_DUPLICATE = 0.9;
/** Very short replies ("thanks!", "+1") repeat legitimately; rate limits cover those. */
const MIN_DUPLICATE_LENGTH = 10;

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i < chars.length - 1; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const x = compact(a).text;
  const y = compact(b).text;
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  for (const [pair, n] of bx) common += Math.min(n, by.get(pair) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** Checks the member's recent posts (one indexed read of their latest rows) against the flood limits. */
export async function checkFlood(db: DbOrTx, user: Pick<User, 'id'>, raw: string, config: RuleConfig, now = new Date()): Promise<FloodVerdict> {
  const windowMinutes = Math.max(60, config.duplicateWindowMinutes);
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const recent = await db
    .select({ createdAt: posts.createdAt, raw: posts.raw })
    .from(posts)
    .where(and(eq(posts.authorId, user.id), gt(posts.createdAt, since)))
    .orderBy(desc(posts.createdAt))
    .limit(Math.max(config.floodMaxPerHour, 20) + 1);
  const ago = (ms: number) => recent.filter((p) => now.getTime() - p.createdAt.getTime() < ms).length;
  const last = recent[0];
  if (config.floodMinSeconds > 0 && last) {
    const elapsed = (now.getTime() - last.createdAt.getTime()) / 1000;
    if (elapsed < config.floodMinSeconds) return { rule: 'tooSoon', seconds: Math.ceil(config.floodMinSeconds - elapsed) };
  }
  if (config.floodMaxPerMinute > 0 && ago(60_000) >= config.floodMaxPerMinute) return { rule: 'perMinute', limit: config.floodMaxPerMinute };
  if (config.floodMaxPerHour > 0 && ago(3_600_000) >= config.floodMaxPerHour) return { rule: 'perHour', limit: config.floodMaxPerHour };
  if (config.duplicateWindowMinutes > 0 && compact(raw).text.length >= MIN_DUPLICATE_LENGTH) {
    const cutoff = now.getTime() - config.duplicateWindowMinutes * 60_000;
    const dup = recent.some((p) => p.createdAt.getTime() >= cutoff && similarity(p.raw, raw) >= NEAR_DUPLICATE);
    if (dup) return { rule: 'duplicate' };
  }
  return null;
}
