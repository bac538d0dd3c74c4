import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { RulesVersion } from '../schema.ts';
import { ModerationNav } from './nav.tsx';

export const RulesPage: FC<{ vc: ViewContext; rules: RulesVersion | null; pending: boolean; accepted?: boolean }> = ({ vc, rules, pending, accepted }) => {
  const { t } = vc;
  return (
    <article class="rules-page">
      <h1>{t('moderation.rules.title')}</h1>
      {accepted ? (
        <p class="flash success" role="status">
          {t('moderation.rules.accepted')}
        </p>
      ) : null}
      {rules ? (
        <>
          <p class="muted small">{t('moderation.rules.updated', { date: vc.tr.date(rules.createdAt, 'long') })}</p>
          {/* rendered and sanitised by core/markdown when published */}
          <div class="post-body rules-body">{raw(rules.html)}</div>
        </>
      ) : (
        <p class="muted">{t('moderation.rules.empty')}</p>
      )}
      {pending ? (
        <form method="post" action="/rules/accept" class="rules-accept">
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <button type="submit" class="primary">
            {t('moderation.rules.accept')}
          </button>
        </form>
      ) : null}
      {vc.user?.role === 'admin' ? (
        <p>
          <a href="/rules/edit">{t('moderation.rules.edit')}</a>
        </p>
      ) : null}
    </article>
  );
};

export const RulesEditPage: FC<{ vc: ViewContext; raw: string; requireAcceptance: boolean; errors?: FieldErrors; saved?: boolean }> = (props) => {
  const { vc, errors } = props;
  const { t } = vc;
  return (
    <section>
      <ModerationNav vc={vc} current="/rules/edit" />
      <h1>{t('moderation.rules.editTitle')}</h1>
      {props.saved ? (
        <p class="flash success" role="status">
          {t('moderation.rules.published')}
        </p>
      ) : null}
      <form method="post" action="/rules/edit" class="stack">
        <input type="hidden" name="_csrf" value={vc.csrfToken} />
        <div class={`field${errors?.raw ? ' has-error' : ''}`}>
          <label for="f-raw">{t('moderation.rules.raw')}</label>
          <textarea id="f-raw" name="raw" rows={18} required aria-invalid={errors?.raw ? 'true' : undefined}>
            {props.raw}
          </textarea>
          {errors?.raw ? (
            <small class="error-text" role="alert">
              {t(errors.raw)}
            </small>
          ) : null}
        </div>
        <label class="checkbox">
          <input type="checkbox" name="requireAcceptance" value="on" checked={props.requireAcceptance} /> {t('moderation.rules.requireAcceptance')}
        </label>
        <button type="submit" class="primary">
          {t('moderation.rules.publish')}
        </button>
      </form>
    </section>
  );
};
