import { eq } from 'drizzle-orm';
import { users, type User } from '../accounts/schema.ts';
import { canAct } from '../forum/permissions.ts';
import { enqueueMail, insertMail } from '../mail/index.ts';
import { buildDigest, isEmptyDigest, type DigestContent } from './content.ts';
import { renderDigestMail, type DigestKind, type RenderedMail } from './mail/digest-mail.tsx';
import { periodMs, type DigestSchedule } from './periods.ts';
import { allowsPurpose, getEmailPreferences, patchEmailPreferences, type EmailChoices } from './preferences.ts';
import { recipientOf, unsubscribeFor, type EmailDeps } from './recipient.ts';

export const DIGEST_SEND_JOB = 'digests.send';

export function digestDedupeKey(userId: number, periodKey: string): string {
  return `digest:${userId}:${periodKey}`;
}

/** The window a digest covers: since the last one, but never more than one period and never before joining. */
export function digestSince(user: User, prefs: EmailChoices, schedule: DigestSchedule, now: Date): Date {
  const floor = Math.max(now.getTime() - periodMs[schedule], user.createdAt.getTime(), prefs.lastDigestAt?.getTime() ?? 0);
  return new Date(floor);
}

export async function composeDigest(
  deps: EmailDeps,
  user: User,
  prefs: EmailChoices,
  kind: DigestKind,
  since: Date,
): Promise<{ content: DigestContent; mail: RenderedMail & { headers: Record<string, string> } }> {
  const content = await buildDigest(deps.db, user, prefs.digestCategories, since);
  const recipient = await recipientOf(deps.db, user);
  const unsubscribe = unsubscribeFor(deps, user.id, kind === 'wemissyou' ? 'all' : 'digest');
  const mail = await renderDigestMail({ recipient, unsubscribe, origin: deps.origin, content, kind });
  return { content, mail: { ...mail, headers: unsubscribe.headers } };
}

export type DigestOutcome = 'queued' | 'empty' | 'skipped';

/**
 * The digests.send job for one member and period. Safe to run twice or on two instances at once: the
 * mail's dedupe key stores it once, and a period already handled is skipped.
 */
export async function sendDigest(deps: EmailDeps, userId: number, periodKey: string, now = new Date()): Promise<DigestOutcome> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user || !canAct(user, now)) return 'skipped';
  const prefs = await getEmailPreferences(deps.db, userId);
  if (prefs.lastDigestPeriod === periodKey || !allowsPurpose(prefs, 'digest')) return 'skipped';
  const schedule: DigestSchedule = periodKey.startsWith('daily:') ? 'daily' : 'weekly';
  const { content, mail } = await composeDigest(deps, user, prefs, schedule, digestSince(user, prefs, schedule, now));
  if (isEmptyDigest(content)) {
    await patchEmailPreferences(deps.db, userId, { lastDigestPeriod: periodKey });
    return 'empty';
  }
  const stored = await deps.db.transaction(async (tx) => {
    const row = await insertMail(tx, {
      ...mail,
      to: user.email,
      kind: 'digest',
      dedupeKey: digestDedupeKey(userId, periodKey),
      userId,
      purpose: 'digest',
    });
    await patchEmailPreferences(tx, userId, { lastDigestAt: now, lastDigestPeriod: periodKey });
    return row;
  });
  // after commit, so the job always finds the row (a crash in between is what mail.sweep is for)
  if (stored.created) await enqueueMail(deps.jobs, stored.id);
  return stored.created ? 'queued' : 'skipped';
}
