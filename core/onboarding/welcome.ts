import { and, asc, eq } from 'drizzle-orm';
import { users, type User } from '../accounts/schema.ts';
import { startConversation } from '../conversations/index.ts';
import type { DbOrTx } from '../db/index.ts';
import { createTranslator, isLocale } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { getSiteSettings } from '../site/settings.ts';
import { onboardingSettings } from './settings.ts';

/** Where the community rules live (core/moderation's page). */
export const RULES_PATH = '/rules';

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(name|forum|rules)\}/g, (_, key: string) => values[key] ?? '');
}

/** The staff account welcome messages come from: the chosen one if it is still staff, else the first admin. */
async function welcomeSender(db: DbOrTx, chosenId: number | null): Promise<User | undefined> {
  if (chosenId !== null) {
    const [chosen] = await db.select().from(users).where(eq(users.id, chosenId));
    if (chosen && (chosen.role === 'admin' || chosen.role === 'moderator') && chosen.status === 'active') return chosen;
  }
  const [admin] = await db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active'))).orderBy(asc(users.id)).limit(1);
  return admin;
}

/**
 * Sends the welcome private message (迎新) to a new member: the configured Markdown, or the built-in text in
 * their language, with the rules link. Never fails the registration: problems are logged.
 */
export async function sendWelcome(db: DbOrTx, member: User, origin: string, logger?: Logger, formLocale?: string | null): Promise<boolean> {
  try {
    const settings = await onboardingSettings(db);
    if (!settings.welcomeEnabled) return false;
    const sender = await welcomeSender(db, settings.welcomeSenderId);
    if (!sender || sender.id === member.id) return false;
    const site = await getSiteSettings(db);
    const preferred = member.locale ?? formLocale ?? null;
    const locale = preferred && isLocale(preferred) ? preferred : site.defaultLocale;
    const { t } = createTranslator(locale);
    const values = { name: member.displayName, forum: site.forumName, rules: `${origin}${RULES_PATH}` };
    const title = fill(settings.welcomeTitle || t('onboarding.welcome.title'), values);
    const raw = fill(settings.welcomeBody || t('onboarding.welcome.body'), values);
    await startConversation(db, { from: sender, to: [member.id], title, raw });
    return true;
  } catch (error) {
    logger?.warn({ err: error, userId: member.id }, 'welcome message not sent');
    return false;
  }
}
