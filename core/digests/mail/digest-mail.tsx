import type { FC } from 'hono/jsx';
import type { DigestContent, DigestThread } from '../content.ts';
import type { Recipient, Unsubscribe } from '../recipient.ts';
import { EmailLayout, emailHtml, emailStyles as s, textFooter } from './layout.tsx';
import { plural } from './plural.ts';

/** A scheduled digest, or the "we miss you" summary sent to dormant members. */
export type DigestKind = 'daily' | 'weekly' | 'wemissyou';

export interface DigestMailInput {
  recipient: Recipient;
  unsubscribe: Unsubscribe;
  origin: string;
  content: DigestContent;
  kind: DigestKind;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

function wording(input: DigestMailInput) {
  const { t } = input.recipient.tr;
  const forum = input.recipient.site.forumName;
  const name = input.recipient.user.displayName;
  if (input.kind === 'wemissyou') {
    return { subject: t('digests.wemissyou.subject', { forum }), intro: t('digests.wemissyou.intro', { name, forum }) };
  }
  return {
    subject: t(`digests.mail.subject.${input.kind}`, { forum }),
    intro: t('digests.mail.intro', { name, forum, date: input.recipient.tr.date(input.content.since, 'long') }),
  };
}

function meta(input: DigestMailInput, thread: DigestThread): string {
  const { tr } = input.recipient;
  const parts = [thread.categoryName, thread.authorName, plural(tr, 'digests.mail.replies', thread.replyCount)];
  if (thread.newReplies > 0) parts.push(plural(tr, 'digests.mail.newReplies', thread.newReplies));
  return parts.join(' · ');
}

const ThreadList: FC<{ input: DigestMailInput; heading: string; items: DigestThread[] }> = ({ input, heading, items }) =>
  items.length === 0 ? null : (
    <>
      <h2 style={s.h2}>{heading}</h2>
      {items.map((thread) => (
        <div style={s.item}>
          <a href={`${input.origin}${thread.path}`} style={s.title}>
            {thread.title}
          </a>
          <p style={s.meta}>{meta(input, thread)}</p>
          {thread.excerpt ? <p style={s.excerpt}>{thread.excerpt}</p> : null}
        </div>
      ))}
    </>
  );

export async function renderDigestMail(input: DigestMailInput): Promise<RenderedMail> {
  const { recipient, content, origin } = input;
  const { t } = recipient.tr;
  const { subject, intro } = wording(input);
  const unread = content.unreadNotifications > 0 ? plural(recipient.tr, 'digests.mail.unread', content.unreadNotifications) : '';
  const visit = t('digests.mail.visit', { forum: recipient.site.forumName });
  const html = await emailHtml(
    <EmailLayout recipient={recipient} unsubscribe={input.unsubscribe} origin={origin} title={subject}>
      <h1 style={s.h1}>{subject}</h1>
      <p style={s.p}>{intro}</p>
      {unread ? (
        <p style={s.notice}>
          {unread} <a href={`${origin}/notifications`}>{t('digests.mail.unreadLink')}</a>
        </p>
      ) : null}
      <ThreadList input={input} heading={t('digests.mail.active')} items={content.active} />
      <ThreadList input={input} heading={t('digests.mail.fresh')} items={content.fresh} />
      <p style={s.p}>
        <a href={`${origin}/`} style={s.button}>
          {visit}
        </a>
      </p>
    </EmailLayout>,
  );
  const section = (heading: string, items: DigestThread[]) =>
    items.length === 0
      ? []
      : [heading.toUpperCase(), '', ...items.flatMap((th) => [th.title, meta(input, th), ...(th.excerpt ? [th.excerpt] : []), `${origin}${th.path}`, ''])];
  const text = [
    intro,
    '',
    ...(unread ? [`${unread} ${origin}/notifications`, ''] : []),
    ...section(t('digests.mail.active'), content.active),
    ...section(t('digests.mail.fresh'), content.fresh),
    `${visit}: ${origin}/`,
    '',
    textFooter(recipient, input.unsubscribe),
  ].join('\n');
  return { subject, html, text };
}
