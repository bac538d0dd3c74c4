import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { LedgerEntry, Level } from '../schema.ts';
import type { MemberFlair } from '../service/member-info.ts';
import type { HeldBadge, RedemptionRow } from '../service/queries.ts';
import { BadgeChip, Csrf, LevelLabel, levelName, Notice, plural } from './bits.tsx';
import { CheckinCard, type CheckinState } from './checkin-card.tsx';

export interface MePageProps {
  vc: ViewContext;
  flair: MemberFlair;
  next: Level | null;
  checkin: CheckinState;
  held: HeldBadge[];
  featuredBadgeId: number | null;
  entries: LedgerEntry[];
  nextCursor: number | null;
  redemptions: RedemptionRow[];
  notice?: { key: string; params?: Record<string, string | number>; error?: boolean } | null;
}

/** A ledger line's wording: its reason, and for a reversal that it was taken back. */
function entryText(vc: ViewContext, e: LedgerEntry): string {
  const what = vc.t(`badges.reason.${e.reason}`);
  if (e.reversesId) return vc.t('badges.ledger.reversed', { what });
  if (e.reason === 'streak' && e.note) return vc.t('badges.ledger.streakBonus', { days: e.note });
  return e.note && (e.reason === 'manual' || e.reason === 'redemption') ? `${what}: ${e.note}` : what;
}

/** /me: balance, level progress, check-in, badges (and which to show), the ledger, redemptions. */
export const MePage: FC<MePageProps> = (p) => {
  const { vc, flair } = p;
  const { t } = vc;
  return (
    <section class="badges-me stack">
      <h1>{t('badges.me.heading')}</h1>
      <Notice vc={vc} notice={p.notice} />
      <div class="badges-me-top">
        <div class="card stack">
          <p class="badges-balance">
            {t('badges.me.balance')} <strong data-badges-balance>{vc.tr.number(flair.balance)}</strong>
          </p>
          <p>
            <LevelLabel vc={vc} level={flair.level} /> · {t('badges.me.lifetime', { points: vc.tr.number(flair.lifetime) })}
          </p>
          {p.next ? (
            <p>
              <progress max={p.next.minPoints - flair.level.minPoints} value={flair.lifetime - flair.level.minPoints} />{' '}
              {t('badges.me.toNext', { points: p.next.minPoints - flair.lifetime, level: p.next.level, name: levelName(vc, p.next) })}
            </p>
          ) : (
            <p class="muted">{t('badges.me.topLevel')}</p>
          )}
        </div>
        <CheckinCard vc={vc} state={p.checkin} />
      </div>

      <section class="stack">
        <h2>{t('badges.me.badges')}</h2>
        {p.held.length ? (
          <form method="post" action={paths.featured} class="stack">
            <Csrf vc={vc} />
            <fieldset>
              <legend>{t('badges.me.featured')}</legend>
              <label class="badges-choice">
                <input type="radio" name="badgeId" value="" checked={p.featuredBadgeId === null} /> {t('badges.me.featuredNone')}
              </label>
              {p.held.map((h) => (
                <label class="badges-choice">
                  <input type="radio" name="badgeId" value={String(h.badge.id)} checked={p.featuredBadgeId === h.badge.id} /> <BadgeChip vc={vc} badge={h.badge} />
                </label>
              ))}
            </fieldset>
            <button type="submit">{t('badges.me.featuredSave')}</button>
          </form>
        ) : (
          <p class="muted">{t('badges.profile.none')}</p>
        )}
      </section>

      <section class="stack">
        <h2>{t('badges.me.history')}</h2>
        {p.entries.length ? (
          <div class="table-wrap">
            <table class="badges-table">
              <thead>
                <tr>
                  <th scope="col">{t('badges.ledger.when')}</th>
                  <th scope="col">{t('badges.ledger.what')}</th>
                  <th scope="col">{t('badges.ledger.points')}</th>
                </tr>
              </thead>
              <tbody>
                {p.entries.map((e) => (
                  <tr>
                    <td>
                      <time datetime={e.createdAt.toISOString()}>{vc.tr.date(e.createdAt, 'long')}</time>
                    </td>
                    <td>{entryText(vc, e)}</td>
                    <td class={e.points > 0 ? 'badges-plus' : 'badges-minus'}>{e.points > 0 ? `+${e.points}` : String(e.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="empty">{t('badges.ledger.empty')}</p>
        )}
        {p.nextCursor ? (
          <p>
            <a href={`${paths.me}?before=${p.nextCursor}`}>{t('badges.more')}</a>
          </p>
        ) : null}
      </section>

      <section class="stack">
        <h2>{t('badges.me.redemptions')}</h2>
        {p.redemptions.length ? (
          <ul>
            {p.redemptions.map((r) => (
              <li>
                {r.rewardName} · {plural(vc, 'badges.points', r.redemption.cost)} · {t(`badges.redemption.status.${r.redemption.status}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">
            {t('badges.me.noRedemptions')} <a href={paths.rewards}>{t('badges.nav.rewards')}</a>
          </p>
        )}
      </section>
    </section>
  );
};
