import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';

/** Links between the staff moderation pages. */
export const ModerationNav: FC<{ vc: ViewContext; current: string }> = ({ vc, current }) => {
  const { t } = vc;
  const links: [string, string][] = [
    ['/review', t('moderation.nav.review')],
    ['/review/log', t('moderation.nav.log')],
  ];
  if (vc.user?.role === 'admin') links.push(['/review/settings', t('moderation.nav.settings')], ['/rules/edit', t('moderation.nav.rules')]);
  return (
    <nav class="tabs moderation-nav" aria-label={t('moderation.nav.review')}>
      {links.map(([href, label]) => (
        <a href={href} aria-current={href === current ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
};
