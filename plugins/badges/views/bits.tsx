import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { Badge, Level } from '../schema.ts';

type LevelLike = Pick<Level, 'level' | 'name'>;
type BadgeLike = Pick<Badge, 'id' | 'slug' | 'builtin' | 'name' | 'tier'>;

/** An admin's name for the level, or the shipped name for its number. */
export function levelName(vc: ViewContext, level: LevelLike): string {
  if (level.name) return level.name;
  const key = `badges.level.default.${level.level}`;
  const text = vc.t(key);
  return text === key ? vc.t('badges.level.generic', { level: level.level }) : text;
}

export function badgeName(vc: ViewContext, badge: Pick<Badge, 'slug' | 'builtin' | 'name'>): string {
  return badge.name ?? (badge.builtin ? vc.t(`badges.builtin.${badge.slug}.name`) : badge.slug);
}

export function badgeDescription(vc: ViewContext, badge: Pick<Badge, 'slug' | 'builtin' | 'description'>): string {
  return badge.description ?? (badge.builtin ? vc.t(`badges.builtin.${badge.slug}.description`) : '');
}

export const LevelLabel: FC<{ vc: ViewContext; level: LevelLike }> = ({ vc, level }) => (
  <span class={`badges-level badges-level-${Math.min(level.level, 9)}`} title={vc.t('badges.level.title', { level: level.level, name: levelName(vc, level) })}>
    {vc.t('badges.level.short', { level: level.level })} {levelName(vc, level)}
  </span>
);

export const BadgeChip: FC<{ vc: ViewContext; badge: BadgeLike; small?: boolean }> = ({ vc, badge, small }) => (
  <a class={`badges-chip badges-tier-${badge.tier}${small ? ' small' : ''}`} href={paths.badge(badge.id)} title={vc.t(`badges.tier.${badge.tier}`)}>
    <span class="badges-medal" aria-hidden="true">
      ●
    </span>
    {badgeName(vc, badge)}
  </a>
);

export const MemberLink: FC<{ username: string; displayName: string }> = ({ username, displayName }) => <a href={paths.profile(username)}>{displayName}</a>;

export { CsrfField as Csrf } from '../../../core/plugins/api.ts';

/** A message shown after a post (success or refusal). */
export const Notice: FC<{ vc: ViewContext; notice?: { key: string; params?: Record<string, string | number>; error?: boolean } | null }> = ({ vc, notice }) =>
  notice ? (
    <p class={`flash ${notice.error ? 'error' : 'success'}`} role={notice.error ? 'alert' : 'status'}>
      {vc.t(notice.key, notice.params)}
    </p>
  ) : null;

/** `<key>.one` for exactly one, `<key>.other` otherwise (Chinese uses the same text for both). */
export function plural(vc: ViewContext, key: string, count: number, params: Record<string, string | number> = {}): string {
  return vc.t(`${key}.${count === 1 ? 'one' : 'other'}`, { count: vc.tr.number(count), ...params });
}
