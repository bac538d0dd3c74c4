import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { Badge } from '../schema.ts';
import type { Holder } from '../service/queries.ts';
import { BadgeChip, badgeDescription, badgeName, MemberLink, plural } from './bits.tsx';

/** Every badge, grouped by tier order, with its holder count. */
export const BadgesPage: FC<{ vc: ViewContext; rows: { badge: Badge; holders: number }[] }> = ({ vc, rows }) => (
  <section class="badges-list stack">
    <h1>{vc.t('badges.list.heading')}</h1>
    <ul class="badges-cards">
      {rows
        .filter((r) => r.badge.enabled)
        .map(({ badge, holders }) => (
          <li class="card">
            <BadgeChip vc={vc} badge={badge} />
            <p>{badgeDescription(vc, badge)}</p>
            <p class="muted small">
              {vc.t(`badges.tier.${badge.tier}`)} · {plural(vc, 'badges.list.holders', holders)}
            </p>
          </li>
        ))}
    </ul>
  </section>
);

/** One badge and who holds it (newest first). */
export const BadgePage: FC<{ vc: ViewContext; badge: Badge; holders: Holder[]; next: number | null }> = ({ vc, badge, holders, next }) => (
  <section class="badges-badge stack">
    <p>
      <a href={paths.badges}>{vc.t('badges.list.back')}</a>
    </p>
    <h1>
      <BadgeChip vc={vc} badge={badge} />
    </h1>
    <p>{badgeDescription(vc, badge)}</p>
    <p class="muted">{vc.t(`badges.tier.${badge.tier}`)}</p>
    <h2>{vc.t('badges.badge.holders', { name: badgeName(vc, badge) })}</h2>
    {holders.length ? (
      <ul class="badges-holders">
        {holders.map((h) => (
          <li>
            <MemberLink username={h.username} displayName={h.displayName} />{' '}
            <time class="muted" datetime={h.grantedAt.toISOString()}>
              {vc.tr.date(h.grantedAt)}
            </time>
          </li>
        ))}
      </ul>
    ) : (
      <p class="empty">{vc.t('badges.badge.nobody')}</p>
    )}
    {next ? (
      <p>
        <a href={`${paths.badge(badge.id)}?before=${next}`}>{vc.t('badges.more')}</a>
      </p>
    ) : null}
  </section>
);
