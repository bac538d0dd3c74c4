import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import { Field, FormError } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Invite } from '../schema.ts';
import { inviteState, leaderboardPeriods, type LeaderboardPeriod } from '../service.ts';
import type { InviteSettings } from '../settings.ts';

export function inviteLink(origin: string, code: string): string {
  return `${origin}/register?invite=${encodeURIComponent(code)}`;
}

export interface InvitesPageProps {
  vc: ViewContext;
  allowed: boolean;
  settings: InviteSettings;
  invites: Invite[];
  invitees: { id: number; username: string; displayName: string; joinedAt: Date }[];
  form: Record<string, string>;
  errors: FieldErrors;
  created: string | null;
}

export const InvitesPage: FC<InvitesPageProps> = ({ vc, allowed, settings, invites, invitees, form, errors, created }) => {
  const { t, tr } = vc;
  return (
    <section class="invites-page">
      <h1>{t('invites.title')}</h1>
      <p>
        <a href="/invites/leaderboard">{t('invites.leaderboard.title')}</a>
      </p>
      {created ? (
        <div class="flash success" role="status">
          <p>{t('invites.created')}</p>
          <input class="invite-link" type="text" readonly value={inviteLink(vc.origin, created)} aria-label={t('invites.link')} />
        </div>
      ) : null}
      {allowed ? (
        <form method="post" action="/invites" class="stack narrow">
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <FormError vc={vc} errors={errors} />
          <Field vc={vc} name="maxUses" type="number" label={t('invites.maxUses')} help={t('invites.maxUses.help', { max: settings.maxUses })} value={form.maxUses ?? '1'} errors={errors} required />
          <Field vc={vc} name="days" type="number" label={t('invites.days')} help={t('invites.days.help', { max: settings.maxDays })} value={form.days ?? '7'} errors={errors} required />
          <button type="submit" class="button primary">
            {t('invites.create')}
          </button>
        </form>
      ) : (
        <p class="muted">{t('invites.notAllowedHelp', { level: settings.minTrustLevel })}</p>
      )}
      <h2>{t('invites.mine')}</h2>
      {invites.length === 0 ? (
        <p class="muted">{t('invites.none')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th>{t('invites.link')}</th>
              <th>{t('invites.uses')}</th>
              <th>{t('invites.expires')}</th>
              <th>{t('invites.state')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {invites.map((invite) => {
              const state = inviteState(invite);
              return (
                <tr>
                  <td>
                    <code>{inviteLink(vc.origin, invite.code)}</code>
                  </td>
                  <td>
                    {tr.number(invite.useCount)} / {tr.number(invite.maxUses)}
                  </td>
                  <td>{tr.date(invite.expiresAt)}</td>
                  <td>{t(`invites.state.${state}`)}</td>
                  <td>
                    {state === 'open' ? (
                      <form method="post" action={`/invites/${invite.id}/revoke`}>
                        <input type="hidden" name="_csrf" value={vc.csrfToken} />
                        <button type="submit" class="link danger" data-confirm={t('invites.revoke.confirm')}>
                          {t('invites.revoke')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>{t('invites.invitees')}</h2>
      {invitees.length === 0 ? (
        <p class="muted">{t('invites.noInvitees')}</p>
      ) : (
        <ul class="invitees">
          {invitees.map((m) => (
            <li>
              <a href={`/u/${encodeURIComponent(m.username)}`}>{m.displayName}</a> <span class="muted">{tr.date(m.joinedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

export const LeaderboardPage: FC<{
  vc: ViewContext;
  period: LeaderboardPeriod;
  rows: { id: number; username: string; displayName: string; invited: number }[];
}> = ({ vc, period, rows }) => {
  const { t, tr } = vc;
  return (
    <section class="invite-leaderboard">
      <h1>{t('invites.leaderboard.title')}</h1>
      <nav class="tabs" aria-label={t('invites.leaderboard.period')}>
        {(Object.keys(leaderboardPeriods) as LeaderboardPeriod[]).map((p) => (
          <a href={`/invites/leaderboard?period=${p}`} aria-current={p === period ? 'page' : undefined}>
            {t(`invites.leaderboard.${p}`)}
          </a>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p class="muted">{t('invites.leaderboard.empty')}</p>
      ) : (
        <ol class="leaderboard">
          {rows.map((r) => (
            <li>
              <a href={`/u/${encodeURIComponent(r.username)}`}>{r.displayName}</a>{' '}
              <span class="muted">@{r.username}</span> — <span class="invite-count">{t('invites.leaderboard.count', { count: tr.number(r.invited) })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
