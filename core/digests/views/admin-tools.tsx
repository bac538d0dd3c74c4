import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import { Field } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';

/** Username → that member's next digest, rendered but not sent. */
export const DigestPreviewForm: FC<{ vc: ViewContext; username?: string; errors?: FieldErrors }> = ({ vc, username, errors }) => (
  <form method="get" action="/admin/mail/preview" class="stack card">
    <h2>{vc.t('digests.admin.preview')}</h2>
    <p class="help">{vc.t('digests.admin.preview.help')}</p>
    <Field vc={vc} name="username" label={vc.t('digests.admin.username')} value={username} errors={errors} required />
    <button type="submit" class="button">
      {vc.t('digests.admin.preview.show')}
    </button>
  </form>
);

export const ImmediateDelayForm: FC<{ vc: ViewContext; minutes: string; errors?: FieldErrors; saved?: boolean }> = ({ vc, minutes, errors, saved }) => (
  <form method="post" action="/admin/mail/settings" class="stack card" novalidate>
    <h2>{vc.t('mail.admin.delay')}</h2>
    <input type="hidden" name="_csrf" value={vc.csrfToken} />
    {saved ? <p class="flash success" role="status">{vc.t('common.saved')}</p> : null}
    <Field vc={vc} name="delay" type="number" label={vc.t('mail.admin.delay.label')} help={vc.t('mail.admin.delay.help')} value={minutes} errors={errors} required />
    <button type="submit" class="button">
      {vc.t('common.save')}
    </button>
  </form>
);

/** Entry to the "we miss you" action; the next page asks for confirmation. */
export const WeMissYouSection: FC<{ vc: ViewContext; eligible: number; queued?: number }> = ({ vc, eligible, queued }) => (
  <section class="stack card" aria-labelledby="wemissyou">
    <h2 id="wemissyou">{vc.t('digests.admin.wemissyou')}</h2>
    {queued !== undefined ? (
      <p class="flash success" role="status">
        {vc.t('digests.admin.wemissyou.queued', { count: vc.tr.number(queued) })}
      </p>
    ) : null}
    <p>{vc.t('digests.admin.wemissyou.help')}</p>
    <p>{vc.t('digests.admin.wemissyou.eligible', { count: vc.tr.number(eligible) })}</p>
    {eligible > 0 ? (
      <a class="button" href="/admin/mail/wemissyou">
        {vc.t('digests.admin.wemissyou.prepare')}
      </a>
    ) : null}
  </section>
);

export const WeMissYouConfirm: FC<{ vc: ViewContext; eligible: number; month: string }> = ({ vc, eligible, month }) => (
  <form method="post" action="/admin/mail/wemissyou" class="stack card">
    <input type="hidden" name="_csrf" value={vc.csrfToken} />
    <input type="hidden" name="month" value={month} />
    <p>{vc.t('digests.admin.wemissyou.confirm', { count: vc.tr.number(eligible) })}</p>
    <div class="actions">
      <button type="submit" class="button primary">
        {vc.t('digests.admin.wemissyou.send')}
      </button>{' '}
      <a href="/admin/mail">{vc.t('common.cancel')}</a>
    </div>
  </form>
);

export interface PreviewFacts {
  username: string;
  subject: string;
  text: string;
  frequency: string;
  empty: boolean;
  digestOff: boolean;
}

/** The digest as the member would get it: the HTML part sandboxed in a frame, the text part below. */
export const DigestPreview: FC<{ vc: ViewContext; preview: PreviewFacts }> = ({ vc, preview }) => {
  const src = `/admin/mail/preview/html?username=${encodeURIComponent(preview.username)}`;
  return (
    <section class="stack">
      <p>
        <a href="/admin/mail">{vc.t('admin.mail.back')}</a>
      </p>
      <dl class="meta-list">
        <dt>{vc.t('admin.mail.subject')}</dt>
        <dd>{preview.subject}</dd>
        <dt>{vc.t('digests.prefs.digest')}</dt>
        <dd>{vc.t(`digests.prefs.digest.${preview.frequency}`)}</dd>
      </dl>
      {preview.digestOff ? <p class="flash">{vc.t('digests.admin.preview.off')}</p> : null}
      {preview.empty ? <p class="flash">{vc.t('digests.admin.preview.empty')}</p> : null}
      <iframe src={src} sandbox="" title={vc.t('admin.mail.html')} class="mail-preview" width="100%" height="600"></iframe>
      <p>
        <a href={src}>{vc.t('admin.mail.html')}</a>
      </p>
      <h2>{vc.t('admin.mail.text')}</h2>
      <pre class="mail-text">{preview.text}</pre>
    </section>
  );
};
