import type { Context } from 'hono';
import type { AdminLink } from './views/shell.tsx';

/** Core sections first, then each active plugin's admin pages. */
export function adminLinks(c: Context): AdminLink[] {
  const { t } = c.get('t');
  const links: AdminLink[] = [
    { href: '/admin', label: t('admin.dashboard') },
    { href: '/admin/settings', label: t('admin.settings') },
    { href: '/admin/categories', label: t('admin.categories') },
    { href: '/admin/members', label: t('admin.members') },
    { href: '/admin/groups', label: t('admin.groups') },
    { href: '/admin/trust', label: t('admin.trust') },
    { href: '/admin/onboarding', label: t('admin.onboarding') },
    { href: '/admin/approvals', label: t('admin.approvals') },
    { href: '/scheduled', label: t('scheduling.title') },
    { href: '/admin/plugins', label: t('admin.plugins') },
    { href: '/admin/mail', label: t('admin.mail') },
    { href: '/admin/analytics', label: t('analytics.title') },
  ];
  for (const plugin of c.get('deps').pluginHost.list()) {
    if (plugin.status !== 'active' || !c.get('deps').pluginHost.isActive(plugin.definition.id)) continue;
    for (const page of plugin.adminPages) {
      links.push({ href: `/admin/plugins/${plugin.definition.id}/${page.path.replace(/^\//, '')}`, label: t(page.titleKey) });
    }
  }
  return links;
}
