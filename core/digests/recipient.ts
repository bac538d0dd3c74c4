import type { User } from '../accounts/schema.ts';
import type { Db } from '../db/index.ts';
import { createTranslator, isLocale, type Translator } from '../i18n/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { getSiteSettings, type SiteSettings } from '../site/settings.ts';
import { signUnsubscribeToken, type UnsubscribePurpose } from './tokens.ts';

/** What the email jobs need from the app. */
export interface EmailDeps {
  db: Db;
  jobs: JobQueue;
  /** Public origin, for absolute links in mail. */
  origin: string;
  secret: string;
}

/** A member as mail sees them: their language (else the site's) and time zone (else the site's). */
export interface Recipient {
  user: User;
  tr: Translator;
  site: SiteSettings;
  timeZone: string;
}

export async function recipientOf(db: Db, user: User): Promise<Recipient> {
  const site = await getSiteSettings(db);
  const locale = isLocale(user.locale) ? user.locale : site.defaultLocale;
  const timeZone = user.timeZone ?? site.timeZone;
  return { user, tr: createTranslator(locale, timeZone), site, timeZone };
}

export interface Unsubscribe {
  purpose: UnsubscribePurpose;
  url: string;
  preferencesUrl: string;
  /** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the https link. */
  headers: Record<string, string>;
}

export function unsubscribeFor(deps: Pick<EmailDeps, 'origin' | 'secret'>, userId: number, purpose: UnsubscribePurpose): Unsubscribe {
  const url = `${deps.origin}/unsubscribe/${signUnsubscribeToken(deps.secret, userId, purpose)}`;
  return {
    purpose,
    url,
    preferencesUrl: `${deps.origin}/preferences/email`,
    headers: {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}
