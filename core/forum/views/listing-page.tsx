import type { Child, FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Category } from '../schema.ts';
import { topPeriods, type TopPeriod } from '../service/listings.ts';
import { categoryPath } from '../service/slug.ts';

export type ListingTab = 'latest' | 'new' | 'top' | 'featured' | 'categories';

const tabs: { id: ListingTab; href: string }[] = [
  { id: 'latest', href: '/latest' },
  { id: 'new', href: '/newest' },
  { id: 'top', href: '/top' },
  { id: 'featured', href: '/featured' },
  { id: 'categories', href: '/categories' },
];

export const ListingTabs: FC<{ vc: ViewContext; active?: ListingTab }> = ({ vc, active }) => (
  <nav aria-label={vc.t('forum.list.nav')}>
    <ul class="list-tabs">
      {tabs.map((tab) => (
        <li>
          <a href={tab.href} aria-current={tab.id === active ? 'page' : undefined}>
            {vc.t(`forum.tab.${tab.id}`)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

export const PeriodTabs: FC<{ vc: ViewContext; active: TopPeriod }> = ({ vc, active }) => (
  <ul class="tabs period-tabs">
    {(Object.keys(topPeriods) as TopPeriod[]).map((p) => (
      <li>
        <a href={`/top?period=${p}`} aria-current={p === active ? 'page' : undefined}>
          {vc.t(`forum.top.${p}`)}
        </a>
      </li>
    ))}
  </ul>
);

/** The home page's sidebar: where to start, the categories, and whatever plugins put there. */
export const HomeSidebar: FC<{ vc: ViewContext; categories: Category[] }> = ({ vc, categories }) => (
  <aside class="sidebar" aria-label={vc.t('forum.sidebar.label')}>
    {vc.user ? (
      <p>
        <a class="button primary" href="/new">
          {vc.t('nav.newThread')}
        </a>
      </p>
    ) : (
      <p class="card">
        {vc.t('forum.sidebar.welcome', { forum: vc.site.forumName })}{' '}
        <a href="/register">{vc.t('nav.register')}</a>
      </p>
    )}
    {categories.length ? (
      <section>
        <h2>{vc.t('nav.categories')}</h2>
        <ul class="sidebar-categories">
          {categories.map((c) => (
            <li>
              <a class={`category-chip cat-${c.id}`} href={categoryPath(c)}>
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      </section>
    ) : null}
    <Slot name="sidebar" vc={vc} category={null} />
  </aside>
);

export const ListingLayout: FC<{ vc: ViewContext; title: Child; active?: ListingTab; sidebar?: Child; children?: Child }> = ({
  vc,
  title,
  active,
  sidebar,
  children,
}) => (
  <div class={sidebar ? 'with-sidebar' : undefined}>
    <div class="listing">
      <header class="page-header">
        <h1>{title}</h1>
        {vc.user ? (
          <a class="button primary" href="/new">
            {vc.t('nav.newThread')}
          </a>
        ) : null}
      </header>
      <ListingTabs vc={vc} active={active} />
      {children}
    </div>
    {sidebar}
  </div>
);
