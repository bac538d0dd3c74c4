import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { RedemptionStatus } from '../schema.ts';
import type { RedemptionRow } from '../service/queries.ts';
import { Csrf, MemberLink, Notice, plural } from './bits.tsx';

/** Staff queue: pending redemptions to hand over (or cancel with a refund), and the handled ones. */
export const RedemptionsPage: FC<{
  vc: ViewContext;
  status: RedemptionStatus;
  rows: RedemptionRow[];
  next: number | null;
  notice?: { key: string; error?: boolean } | null;
}> = ({ vc, status, rows, next, notice }) => {
  const { t } = vc;
  return (
    <section class="badges-redemptions stack">
      <h1>{t('badges.redemptions.heading')}</h1>
      <Notice vc={vc} notice={notice} />
      <nav class="tabs">
        {(['pending', 'fulfilled', 'cancelled'] as const).map((s) => (
          <a href={`${paths.redemptions}?status=${s}`} aria-current={s === status ? 'page' : undefined}>
            {t(`badges.redemption.status.${s}`)}
          </a>
        ))}
      </nav>
      {rows.length ? (
        <div class="table-wrap">
          <table class="badges-table">
            <thead>
              <tr>
                <th scope="col">{t('badges.redemptions.member')}</th>
                <th scope="col">{t('badges.redemptions.reward')}</th>
                <th scope="col">{t('badges.redemptions.note')}</th>
                <th scope="col">{t('badges.ledger.when')}</th>
                <th scope="col">{t('badges.redemptions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-redemption-id={String(r.redemption.id)}>
                  <td>
                    <MemberLink username={r.username} displayName={r.displayName} />
                  </td>
                  <td>
                    {r.rewardName} <span class="muted">({t(`badges.reward.kind.${r.rewardKind}`)}, {plural(vc, 'badges.points', r.redemption.cost)})</span>
                  </td>
                  <td>{r.redemption.note}</td>
                  <td>
                    <time datetime={r.redemption.createdAt.toISOString()}>{vc.tr.date(r.redemption.createdAt, 'long')}</time>
                  </td>
                  <td>
                    {r.redemption.status === 'pending' ? (
                      <>
                        <form method="post" action={paths.fulfil(r.redemption.id)} class="inline">
                          <Csrf vc={vc} />
                          <button type="submit" class="small primary">
                            {t('badges.redemptions.fulfil')}
                          </button>
                        </form>
                        <form method="post" action={paths.cancel(r.redemption.id)} class="inline">
                          <Csrf vc={vc} />
                          <button type="submit" class="small danger" data-confirm={t('badges.redemptions.cancelConfirm')}>
                            {t('badges.redemptions.cancel')}
                          </button>
                        </form>
                      </>
                    ) : (
                      t(`badges.redemption.status.${r.redemption.status}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t('badges.redemptions.none')}</p>
      )}
      {next ? (
        <p>
          <a href={`${paths.redemptions}?status=${status}&before=${next}`}>{t('badges.more')}</a>
        </p>
      ) : null}
    </section>
  );
};
