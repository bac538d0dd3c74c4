import type { FC } from 'hono/jsx';
import type { User } from '../../accounts/schema.ts';
import type { FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import { sanctionKindEnum, type Sanction } from '../schema.ts';
import { sanctionDurations } from '../service/durations.ts';
import { inForce } from '../service/sanctions.ts';
import { ModerationNav } from './nav.tsx';

export const SanctionList: FC<{ vc: ViewContext; sanctions: Sanction[]; canLift: boolean }> = ({ vc, sanctions, canLift }) => {
  const { t } = vc;
  if (sanctions.length === 0) return <p class="muted">{t('moderation.standing.none')}</p>;
  return (
    <ul class="sanction-list">
      {sanctions.map((s) => {
        const active = inForce(s);
        const state = s.kind === 'warning' ? null : s.revokedAt ? 'lifted' : active ? 'active' : 'expired';
        return (
          <li class={`sanction sanction-${s.kind}`} data-sanction={s.kind}>
            <strong>{t(`moderation.sanction.kind.${s.kind}`)}</strong> · {vc.tr.date(s.startsAt, 'long')}
            {s.kind === 'silence' || s.kind === 'suspend' ? (
              <> · {s.endsAt ? t('moderation.sanction.until', { date: vc.tr.date(s.endsAt, 'long') }) : t('moderation.sanction.permanent')}</>
            ) : null}
            {state ? <span class={`badge ${state}`}> {t(`moderation.sanction.${state}`)}</span> : null}
            <p class="sanction-reason">{s.reason}</p>
            {canLift && active ? (
              <form method="post" action={`/review/sanctions/${s.id}/lift`} class="inline">
                <input type="hidden" name="_csrf" value={vc.csrfToken} />
                <button type="submit" class="small">
                  {t('moderation.member.lift')}
                </button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
};

export interface MemberPageProps {
  vc: ViewContext;
  member: User;
  sanctions: Sanction[];
  canSanction: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
  done?: boolean;
}

export const MemberModerationPage: FC<MemberPageProps> = ({ vc, member, sanctions, canSanction, values, errors, done }) => {
  const { t } = vc;
  const kind = values?.kind ?? 'silence';
  return (
    <section class="member-moderation">
      <ModerationNav vc={vc} current="" />
      <h1>{t('moderation.member.title', { name: member.displayName })}</h1>
      <p>
        <a href={`/u/${encodeURIComponent(member.username)}`}>@{member.username}</a> · {t('moderation.member.status', { status: member.status })}
      </p>
      {done ? (
        <p class="flash success" role="status">
          {t('moderation.member.applied')}
        </p>
      ) : null}
      {canSanction ? (
        <form method="post" action={`/review/users/${encodeURIComponent(member.username)}/sanction`} class="stack sanction-form">
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <h2>{t('moderation.member.sanction')}</h2>
          <div class="field">
            <label for="f-kind">{t('moderation.member.kind')}</label>
            <select id="f-kind" name="kind">
              {sanctionKindEnum.enumValues.map((k) => (
                <option value={k} selected={k === kind}>
                  {t(`moderation.sanction.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div class={`field${errors?.reason ? ' has-error' : ''}`}>
            <label for="f-reason">{t('moderation.member.reason')}</label>
            <textarea id="f-reason" name="reason" rows={3} required maxlength={1000} aria-invalid={errors?.reason ? 'true' : undefined}>
              {values?.reason ?? ''}
            </textarea>
            {errors?.reason ? (
              <small class="error-text" role="alert">
                {t(errors.reason)}
              </small>
            ) : null}
          </div>
          <div class="field">
            <label for="f-duration">{t('moderation.member.duration')}</label>
            <select id="f-duration" name="duration">
              {sanctionDurations.map((d) => (
                <option value={d} selected={d === (values?.duration ?? '1d')}>
                  {t(`moderation.duration.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <label class="checkbox">
            <input type="checkbox" name="deleteContent" value="on" /> {t('moderation.member.deleteContent')}
          </label>
          <button type="submit" class="danger">
            {t('moderation.member.apply')}
          </button>
        </form>
      ) : null}
      <h2>{t('moderation.member.sanctions')}</h2>
      <SanctionList vc={vc} sanctions={sanctions} canLift={canSanction} />
    </section>
  );
};

export const StandingPage: FC<{ vc: ViewContext; sanctions: Sanction[] }> = ({ vc, sanctions }) => {
  const { t } = vc;
  const restricted = sanctions.some((s) => inForce(s));
  return (
    <section class="standing-page">
      <h1>{t('moderation.standing.title')}</h1>
      {restricted ? null : <p>{t('moderation.standing.good')}</p>}
      <h2>{t('moderation.standing.history')}</h2>
      <SanctionList vc={vc} sanctions={sanctions} canLift={false} />
      <p>
        <a href="/rules">{t('moderation.rules.read')}</a>
      </p>
    </section>
  );
};
