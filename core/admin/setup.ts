import { timingSafeEqual } from 'node:crypto';
import { generateToken } from '../accounts/service/tokens.ts';
import type { Db } from '../db/index.ts';
import { getSiteSettings, invalidateSiteSettings, updateSiteSettings } from '../site/settings.ts';

/** Until setup is done, the forum has a one-time token that the operator reads from the log. */
export async function ensureSetupToken(db: Db): Promise<string | null> {
  invalidateSiteSettings();
  const site = await getSiteSettings(db);
  if (site.setupComplete) return null;
  if (site.setupToken) return site.setupToken;
  const token = generateToken();
  await updateSiteSettings(db, { setupToken: token });
  return token;
}

export function setupTokenMatches(expected: string | null, given: string): boolean {
  if (!expected) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.trim());
  return a.length === b.length && timingSafeEqual(a, b);
}
