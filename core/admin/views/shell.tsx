import type { Child, FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';

export interface AdminLink {
  href: string;
  label: string;
}

/** The admin area's frame: section navigation (core sections, plugin pages, the admin.nav slot) and content. */
export const AdminShell: FC<{ vc: ViewContext; links: AdminLink[]; title: string; children?: Child }> = ({ vc, links, title, children }) => (
  <div class="admin">
    <nav class="admin-nav" aria-label={vc.t('admin.nav')}>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={vc.path === l.href ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      <Slot name="admin.nav" vc={vc} />
    </nav>
    <section class="admin-content">
      <h1>{title}</h1>
      {children}
    </section>
  </div>
);
