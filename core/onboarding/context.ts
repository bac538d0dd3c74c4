import type { DbOrTx } from '../db/index.ts';
import { findUsableInvite } from '../invites/service.ts';
import { getSiteSettings, type SiteSettings } from '../site/settings.ts';
import { listQuestions } from './questions.ts';
import type { EntryQuestion } from './schema.ts';

export interface RegistrationContext {
  mode: SiteSettings['registrationMode'];
  questions: EntryQuestion[];
  invite: Awaited<ReturnType<typeof findUsableInvite>>;
  /** A code was given but cannot be used (expired, used up, revoked or unknown). */
  badInvite: boolean;
}

export async function registrationContext(db: DbOrTx, code: string | undefined): Promise<RegistrationContext> {
  const [site, questions, invite] = await Promise.all([
    getSiteSettings(db),
    listQuestions(db),
    code ? findUsableInvite(db, code.trim()) : Promise.resolve(undefined),
  ]);
  return { mode: site.registrationMode, questions, invite, badInvite: Boolean(code) && !invite };
}
