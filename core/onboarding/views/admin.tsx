import { asc, inArray } from 'drizzle-orm';
import type { FC } from 'hono/jsx';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import type { FieldErrors } from '../../http/validation.ts';
import type { InviteSettings } from '../../invites/settings.ts';
import { Field, FormError } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { EntryQuestion, RegistrationRequest } from '../schema.ts';
import type { OnboardingSettings } from '../settings.ts';

export function staffAccounts(db: DbOrTx) {
  return db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.role, ['admin', 'moderator']))
    .orderBy(asc(users.id))
    .limit(200);
}

export interface OnboardingPageProps {
  vc: ViewContext;
  questions: EntryQuestion[];
  welcome: OnboardingSettings;
  invites: InviteSettings;
  staff: { id: number; username: string }[];
  errors: FieldErrors;
  form: Record<string, string>;
  saved: boolean;
}

export const OnboardingPage: FC<OnboardingPageProps> = ({ vc, questions, welcome, invites, staff, errors, form, saved }) => {
  const { t } = vc;
  const csrf = <input type="hidden" name="_csrf" value={vc.csrfToken} />;
  return (
    <div class="onboarding-admin">
      {saved ? (
        <p class="flash success" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      <FormError vc={vc} errors={errors} />
      <p class="muted">
        {t('onboarding.admin.modeHint')} <a href="/admin/settings">{t('admin.settings')}</a>
      </p>

      <h2>{t('onboarding.admin.questions')}</h2>
      <p class="muted">{t('onboarding.admin.questionsHelp')}</p>
      {questions.map((q) => (
        <div class="question-row">
          <form method="post" action={`/admin/onboarding/questions/${q.id}`} class="stack narrow">
            {csrf}
            <Field vc={vc} name="prompt" label={t('onboarding.admin.prompt')} value={q.prompt} required maxlength={300} />
            <Field vc={vc} name="help" label={t('onboarding.admin.help')} value={q.help} maxlength={300} />
            <div class="field checkbox">
              <input type="checkbox" id={`f-required-${q.id}`} name="required" checked={q.required} />
              <label for={`f-required-${q.id}`}>{t('onboarding.admin.required')}</label>
            </div>
            <button type="submit" class="button">
              {t('common.save')}
            </button>
          </form>
          <form method="post" action={`/admin/onboarding/questions/${q.id}/delete`}>
            {csrf}
            <button type="submit" class="button danger" data-confirm={t('onboarding.admin.deleteConfirm')}>
              {t('common.delete')}
            </button>
          </form>
        </div>
      ))}
      <form method="post" action="/admin/onboarding/questions" class="stack narrow">
        {csrf}
        <Field vc={vc} name="prompt" label={t('onboarding.admin.newPrompt')} value={form.prompt} errors={errors} required maxlength={300} />
        <Field vc={vc} name="help" label={t('onboarding.admin.help')} value={form.help} errors={errors} maxlength={300} />
        <div class="field checkbox">
          <input type="checkbox" id="f-required" name="required" checked />
          <label for="f-required">{t('onboarding.admin.required')}</label>
        </div>
        <button type="submit" class="button primary">
          {t('onboarding.admin.addQuestion')}
        </button>
      </form>

      <h2>{t('onboarding.admin.welcome')}</h2>
      <form method="post" action="/admin/onboarding/welcome" class="stack narrow">
        {csrf}
        <div class="field checkbox">
          <input type="checkbox" id="f-welcomeEnabled" name="welcomeEnabled" checked={welcome.welcomeEnabled} />
          <label for="f-welcomeEnabled">{t('onboarding.admin.welcomeEnabled')}</label>
        </div>
        <div class="field">
          <label for="f-welcomeSenderId">{t('onboarding.admin.sender')}</label>
          <select id="f-welcomeSenderId" name="welcomeSenderId">
            <option value="">{t('onboarding.admin.senderDefault')}</option>
            {staff.map((s) => (
              <option value={String(s.id)} selected={welcome.welcomeSenderId === s.id}>
                @{s.username}
              </option>
            ))}
          </select>
        </div>
        <Field vc={vc} name="welcomeTitle" label={t('onboarding.admin.welcomeTitle')} value={welcome.welcomeTitle} help={t('onboarding.admin.defaultHelp')} maxlength={200} />
        <div class="field">
          <label for="f-welcomeBody">{t('onboarding.admin.welcomeBody')}</label>
          <textarea id="f-welcomeBody" name="welcomeBody" rows={8} aria-describedby="f-welcomeBody-help">
            {welcome.welcomeBody}
          </textarea>
          <small id="f-welcomeBody-help" class="help">
            {t('onboarding.admin.placeholders')}
          </small>
        </div>
        <button type="submit" class="button primary">
          {t('common.save')}
        </button>
      </form>

      <h2>{t('onboarding.admin.invites')}</h2>
      <form method="post" action="/admin/onboarding/invites" class="stack narrow">
        {csrf}
        <div class="field">
          <label for="f-minTrustLevel">{t('onboarding.admin.inviteLevel')}</label>
          <select id="f-minTrustLevel" name="minTrustLevel">
            {[0, 1, 2, 3, 4].map((l) => (
              <option value={String(l)} selected={invites.minTrustLevel === l}>
                {t(`trust.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <Field vc={vc} type="number" name="maxUses" label={t('onboarding.admin.inviteMaxUses')} value={String(invites.maxUses)} errors={errors} required />
        <Field vc={vc} type="number" name="maxDays" label={t('onboarding.admin.inviteMaxDays')} value={String(invites.maxDays)} errors={errors} required />
        <Field vc={vc} type="number" name="maxOpenPerMember" label={t('onboarding.admin.inviteMaxOpen')} value={String(invites.maxOpenPerMember)} errors={errors} required />
        <button type="submit" class="button primary">
          {t('common.save')}
        </button>
      </form>
    </div>
  );
};

export const ApprovalsPage: FC<{ vc: ViewContext; rows: RegistrationRequest[]; error?: string; done: string | null }> = ({ vc, rows, error, done }) => {
  const { t, tr } = vc;
  return (
    <div class="approvals">
      {done ? (
        <p class="flash success" role="status">
          {t(done === 'approve' ? 'onboarding.approvals.approved' : 'onboarding.approvals.rejected')}
        </p>
      ) : null}
      {error ? (
        <p class="flash error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p class="empty">{t('onboarding.approvals.none')}</p>
      ) : (
        rows.map((r) => (
          <article class="card approval" id={`registration-${r.id}`}>
            <h2>
              {r.displayName} <span class="muted">@{r.username}</span>
            </h2>
            <p class="muted">
              {r.email} · {tr.date(r.createdAt, 'long')}
            </p>
            {r.answers.length > 0 ? (
              <dl class="answers">
                {r.answers.map((a) => (
                  <>
                    <dt>{a.prompt}</dt>
                    <dd>{a.answer}</dd>
                  </>
                ))}
              </dl>
            ) : (
              <p class="muted">{t('onboarding.approvals.noAnswers')}</p>
            )}
            <form method="post" action={`/admin/approvals/${r.id}`} class="inline">
              <input type="hidden" name="_csrf" value={vc.csrfToken} />
              <input type="hidden" name="action" value="approve" />
              <button type="submit" class="button primary">
                {t('onboarding.approvals.approve')}
              </button>
            </form>
            <form method="post" action={`/admin/approvals/${r.id}`} class="inline">
              <input type="hidden" name="_csrf" value={vc.csrfToken} />
              <input type="hidden" name="action" value="reject" />
              <label for={`reason-${r.id}`}>{t('onboarding.approvals.reason')}</label> <input id={`reason-${r.id}`} name="reason" maxlength={1000} />{' '}
              <button type="submit" class="button danger" data-confirm={t('onboarding.approvals.rejectConfirm')}>
                {t('onboarding.approvals.reject')}
              </button>
            </form>
          </article>
        ))
      )}
    </div>
  );
};
