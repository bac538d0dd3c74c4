import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { Reward } from '../schema.ts';
import { Csrf, Notice, plural } from './bits.tsx';

export const REWARDS_ID = 'badges-rewards';

/** 积分兑换: what members can buy, their balance, and a redeem button per reward (htmx swaps the list). */
export const RewardsPage: FC<{
  vc: ViewContext;
  rewards: Reward[];
  balance: number | null;
  notice?: { key: string; params?: Record<string, string | number>; error?: boolean } | null;
}> = ({ vc, rewards, balance, notice }) => {
  const { t } = vc;
  return (
    <section class="badges-rewards stack" id={REWARDS_ID}>
      <h1>{t('badges.rewards.heading')}</h1>
      <Notice vc={vc} notice={notice} />
      {balance !== null ? (
        <p class="badges-balance">
          {t('badges.me.balance')} <strong data-badges-balance>{vc.tr.number(balance)}</strong>
        </p>
      ) : (
        <p class="muted">{t('badges.rewards.signIn')}</p>
      )}
      {rewards.length ? (
        <ul class="badges-cards">
          {rewards.map((r) => {
            const soldOut = r.stock !== null && r.stock <= 0;
            const affordable = balance !== null && balance >= r.cost;
            return (
              <li class="card stack" data-reward-id={String(r.id)}>
                <h2>{r.name}</h2>
                {r.description ? <p>{r.description}</p> : null}
                <p class="muted small">
                  {t(`badges.reward.kind.${r.kind}`)} · {plural(vc, 'badges.points', r.cost)} ·{' '}
                  {r.stock === null ? t('badges.rewards.unlimited') : plural(vc, 'badges.rewards.stock', r.stock)}
                </p>
                {balance !== null ? (
                  <form method="post" action={paths.redeem(r.id)} hx-post={paths.redeem(r.id)} hx-target={`#${REWARDS_ID}`} hx-swap="outerHTML" class="stack">
                    <Csrf vc={vc} />
                    {r.kind === 'gift' || r.kind === 'event_seat' ? (
                      <div class="field">
                        <label for={`badges-note-${r.id}`}>{t(r.kind === 'gift' ? 'badges.rewards.noteGift' : 'badges.rewards.noteSeat')}</label>
                        <input id={`badges-note-${r.id}`} name="note" maxlength={500} />
                      </div>
                    ) : null}
                    <button type="submit" class="primary" disabled={soldOut || !affordable} data-confirm={t('badges.rewards.confirm', { name: r.name, cost: r.cost })}>
                      {soldOut ? t('badges.rewards.soldOut') : affordable ? t('badges.rewards.redeem') : plural(vc, 'badges.rewards.short', r.cost - (balance ?? 0))}
                    </button>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty">{t('badges.rewards.none')}</p>
      )}
      <p>
        <a href={paths.me}>{t('badges.nav.me')}</a>
      </p>
    </section>
  );
};
