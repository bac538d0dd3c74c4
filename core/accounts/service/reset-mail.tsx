import type { OutgoingMail } from '../../mail/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { User } from '../schema.ts';

/** The password-reset email, in the translator's language, as text and HTML. */
export async function resetMail(
  tr: Translator,
  user: Pick<User, 'email' | 'displayName'>,
  forumName: string,
  link: string,
): Promise<OutgoingMail> {
  const { t } = tr;
  const greeting = t('account.resetMail.greeting', { name: user.displayName });
  const body = t('account.resetMail.body', { forum: forumName });
  const expiry = t('account.resetMail.expiry');
  const ignore = t('account.resetMail.ignore');
  const html = await (
    <html lang={tr.locale}>
      <body>
        <p>{greeting}</p>
        <p>{body}</p>
        <p>
          <a href={link}>{t('account.resetMail.button')}</a>
        </p>
        <p>{expiry}</p>
        <p>{ignore}</p>
      </body>
    </html>
  );
  return {
    to: user.email,
    subject: t('account.resetMail.subject', { forum: forumName }),
    text: [greeting, '', body, '', link, '', expiry, ignore].join('\n'),
    html: `<!doctype html>${String(html)}`,
    kind: 'password-reset',
  };
}
