import { createTranslator, isLocale, type Locale } from '../i18n/index.ts';
import type { QueuedMail } from '../mail/index.ts';
import type { RegistrationRequest } from './schema.ts';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The email telling someone whether their registration was approved, in their language. */
export function decisionMail(
  request: Pick<RegistrationRequest, 'id' | 'email' | 'displayName' | 'locale' | 'reason'>,
  outcome: 'approved' | 'rejected',
  site: { forumName: string; defaultLocale: Locale },
  origin: string,
  userId?: number,
): QueuedMail {
  const locale = request.locale && isLocale(request.locale) ? request.locale : site.defaultLocale;
  const { t } = createTranslator(locale);
  const greeting = t('onboarding.mail.greeting', { name: request.displayName });
  const body = t(outcome === 'approved' ? 'onboarding.mail.approved' : 'onboarding.mail.rejected', { forum: site.forumName });
  const reason = outcome === 'rejected' && request.reason ? t('onboarding.mail.reason', { reason: request.reason }) : '';
  const link = `${origin}/login`;
  const lines = [greeting, '', body, reason, outcome === 'approved' ? link : ''].filter((l, i) => i < 2 || l !== '');
  const html = [
    `<p>${escape(greeting)}</p>`,
    `<p>${escape(body)}</p>`,
    reason ? `<p>${escape(reason)}</p>` : '',
    outcome === 'approved' ? `<p><a href="${escape(link)}">${escape(t('onboarding.mail.login'))}</a></p>` : '',
  ].join('');
  return {
    to: request.email,
    subject: t(outcome === 'approved' ? 'onboarding.mail.subject.approved' : 'onboarding.mail.subject.rejected', { forum: site.forumName }),
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${locale}"><body>${html}</body></html>`,
    kind: `registration-${outcome}`,
    dedupeKey: `registration:${request.id}:${outcome}`,
    userId,
  };
}
