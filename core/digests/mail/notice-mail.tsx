import { safeRedirectPath } from '../../http/redirect.ts';
import { notificationMessageKey, type NotificationData } from '../../notifications/index.ts';
import type { Recipient, Unsubscribe } from '../recipient.ts';
import type { RenderedMail } from './digest-mail.tsx';
import { EmailLayout, emailHtml, emailStyles as s, textFooter } from './layout.tsx';
import { plural } from './plural.ts';

export interface NoticeItem {
  type: string;
  data: NotificationData;
  url: string;
}

/** Replies, mentions and messages the member has not seen, in one email. */
export async function renderNoticeMail(input: {
  recipient: Recipient;
  unsubscribe: Unsubscribe;
  origin: string;
  items: NoticeItem[];
}): Promise<RenderedMail> {
  const { recipient, origin, items } = input;
  const { t } = recipient.tr;
  const forum = recipient.site.forumName;
  const lines = items.map((n) => ({ text: t(notificationMessageKey(n.type, n.data), n.data), href: `${origin}${safeRedirectPath(n.url)}` }));
  const subject =
    lines.length === 1
      ? t('digests.notice.subjectOne', { text: lines[0]!.text, forum })
      : plural(recipient.tr, 'digests.notice.subjectMany', lines.length, { forum });
  const intro = t('digests.notice.intro', { name: recipient.user.displayName });
  const open = t('digests.notice.open');
  const html = await emailHtml(
    <EmailLayout recipient={recipient} unsubscribe={input.unsubscribe} origin={origin} title={subject}>
      <p style={s.p}>{intro}</p>
      {lines.map((line) => (
        <p style={s.item}>
          <a href={line.href} style={s.title}>
            {line.text}
          </a>
        </p>
      ))}
      <p style={s.p}>
        <a href={`${origin}/notifications`} style={s.button}>
          {open}
        </a>
      </p>
    </EmailLayout>,
  );
  const text = [intro, '', ...lines.flatMap((l) => [l.text, l.href, '']), `${open}: ${origin}/notifications`, '', textFooter(recipient, input.unsubscribe)].join('\n');
  return { subject, html, text };
}
