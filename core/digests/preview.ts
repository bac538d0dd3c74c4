import type { User } from '../accounts/schema.ts';
import { isEmptyDigest } from './content.ts';
import type { DigestSchedule } from './periods.ts';
import { getEmailPreferences } from './preferences.ts';
import type { EmailDeps } from './recipient.ts';
import { composeDigest, digestSince } from './send.ts';

export interface DigestPreviewResult {
  frequency: DigestSchedule;
  subject: string;
  html: string;
  text: string;
  /** Nothing new: the job would not send it. */
  empty: boolean;
  /** The member turned digests (or all mail) off: the job would not send it. */
  digestOff: boolean;
}

/** A member's next digest as it stands now, for staff; nothing is stored or sent. */
export async function previewDigest(deps: EmailDeps, user: User, now = new Date()): Promise<DigestPreviewResult> {
  const prefs = await getEmailPreferences(deps.db, user.id);
  const frequency: DigestSchedule = prefs.digest === 'daily' ? 'daily' : 'weekly';
  const { content, mail } = await composeDigest(deps, user, prefs, frequency, digestSince(user, prefs, frequency, now));
  return {
    frequency,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    empty: isEmptyDigest(content),
    digestOff: prefs.digest === 'none' || prefs.unsubscribedAllAt !== null,
  };
}
