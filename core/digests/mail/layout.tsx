import type { Child, FC } from 'hono/jsx';
import type { Recipient, Unsubscribe } from '../recipient.ts';

// Mail clients ignore stylesheets and the page CSP does not apply to mail: inline styles it is.
const s = {
  body: 'margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,"PingFang SC","Microsoft YaHei",sans-serif;color:#18181b',
  card: 'max-width:600px;margin:0 auto;padding:24px;background:#ffffff',
  brand: 'font-size:14px;font-weight:600;color:#3b82f6;text-decoration:none',
  footer: 'max-width:600px;margin:0 auto;padding:16px 24px;font-size:12px;color:#71717a;line-height:1.5',
  link: 'color:#71717a',
};

export interface EmailProps {
  recipient: Recipient;
  unsubscribe: Unsubscribe;
  origin: string;
  title: string;
  children?: Child;
}

/** Every email's frame: the forum's name on top, and a footer saying why it came and how to stop it. */
export const EmailLayout: FC<EmailProps> = ({ recipient, unsubscribe, origin, title, children }) => {
  const { t } = recipient.tr;
  return (
    <html lang={recipient.tr.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={s.body}>
        <div style={s.card}>
          <a href={`${origin}/`} style={s.brand}>
            {recipient.site.forumName}
          </a>
          {children}
        </div>
        <div style={s.footer}>
          <p>{t(`digests.mail.reason.${unsubscribe.purpose}`, { forum: recipient.site.forumName })}</p>
          <p>
            <a href={unsubscribe.url} style={s.link}>
              {t(`digests.mail.unsubscribe.${unsubscribe.purpose}`)}
            </a>
            {' · '}
            <a href={unsubscribe.preferencesUrl} style={s.link}>
              {t('digests.mail.settings')}
            </a>
          </p>
        </div>
      </body>
    </html>
  );
};

/** The same footer for the plain-text part. */
export function textFooter(recipient: Recipient, unsubscribe: Unsubscribe): string {
  const { t } = recipient.tr;
  return [
    '-- ',
    t(`digests.mail.reason.${unsubscribe.purpose}`, { forum: recipient.site.forumName }),
    `${t(`digests.mail.unsubscribe.${unsubscribe.purpose}`)}: ${unsubscribe.url}`,
    `${t('digests.mail.settings')}: ${unsubscribe.preferencesUrl}`,
  ].join('\n');
}

/** A JSX email as an HTML document string. */
export async function emailHtml(element: ReturnType<FC>): Promise<string> {
  return `<!doctype html>${String(await element)}`;
}

export const emailStyles = {
  h1: 'font-size:20px;margin:16px 0 8px',
  h2: 'font-size:16px;margin:24px 0 8px;border-bottom:1px solid #e4e4e7;padding-bottom:4px',
  p: 'font-size:15px;line-height:1.5;margin:8px 0',
  item: 'margin:0 0 16px',
  title: 'font-size:15px;font-weight:600;color:#1d4ed8;text-decoration:none',
  meta: 'font-size:12px;color:#71717a;margin:2px 0',
  excerpt: 'font-size:14px;color:#3f3f46;margin:4px 0;line-height:1.5',
  button: 'display:inline-block;padding:8px 16px;background:#3b82f6;color:#ffffff;border-radius:6px;text-decoration:none;font-size:14px',
  notice: 'padding:12px;background:#eff6ff;border-radius:6px;font-size:14px;margin:16px 0',
};
