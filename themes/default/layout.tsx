import type { FC } from 'hono/jsx';
import { locales } from '../../core/i18n/index.ts';
import type { LayoutProps } from '../../core/ui/theme.ts';
import { isStaff } from '../../core/ui/view-context.ts';
import { Slot } from '../../core/plugins/slots.tsx';
import { StandingNotice } from '../../core/moderation/views/standing-notice.tsx';
import { MemberPart } from '../../core/ui/member-parts.tsx';
import { CsrfField } from '../../core/ui/form.tsx';
import type { ViewContext } from '../../core/ui/view-context.ts';

export const Layout: FC<LayoutProps & { stylesheets: string[] }> = ({
  vc,
  title,
  description,
  feeds,
  canonical,
  head,
  children,
  stylesheets,
}) => {
  const { t, user, site } = vc;
  const fullTitle = title ? `${title} · ${site.forumName}` : site.forumName;
  const htmxConfig = JSON.stringify({ mode: 'same-origin', defaultTimeout: 20000, historyReload: false });
  return (
    <html lang={vc.locale} data-theme={user?.theme ?? 'system'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <meta name="htmx-config" content={htmxConfig} />
        {stylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="stylesheet" href="/assets/categories.css" />
        {(feeds ?? []).map((f) => (
          <link rel="alternate" type={f.format === 'atom' ? 'application/atom+xml' : 'application/rss+xml'} title={f.title} href={f.href} />
        ))}
        <script src={vc.asset('htmx.js')} defer></script>
        <script src={vc.asset('forum.js')} defer></script>
        <script src={vc.asset('live.js')} defer></script>
        {head}
        <Slot name="head" vc={vc} />
      </head>
      <body hx-headers:inherited={vc.csrfToken ? JSON.stringify({ 'X-CSRF-Token': vc.csrfToken }) : undefined}>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="brand" href="/">
              {site.logoUrl ? <img class="brand-logo" src={site.logoUrl} alt={site.forumName} height={32} /> : site.forumName}
            </a>
            <nav aria-label={t('nav.main')} class="main-nav">
              <a href="/latest">{t('nav.latest')}</a>
              <a href="/categories">{t('nav.categories')}</a>
            </nav>
            <form class="header-search" method="get" action="/search" role="search">
              <label for="header-search-q" class="visually-hidden">
                {t('search.header.label')}
              </label>
              <input id="header-search-q" type="search" name="q" placeholder={t('search.header.placeholder')} maxlength={200} />
            </form>
            <nav aria-label={t('nav.account')} class="account-nav">
              {user ? (
                <MemberPart vc={vc} variant={memberNavVariant} perMember render={(own) => <MemberNav vc={own} />} />
              ) : (
                <>
                  <a href={`/login?next=${encodeURIComponent(vc.path)}`}>{t('nav.login')}</a>
                  <a class="button primary" href="/register">
                    {t('nav.register')}
                  </a>
                </>
              )}
            </nav>
          </div>
          <Slot name="header" vc={vc} />
        </header>
        <main id="main" class="container" tabindex={-1}>
          <StandingNotice vc={vc} />
          {children}
        </main>
        <footer class="site-footer">
          <div class="container footer-inner">
            <span>{t('footer.poweredBy')}</span>
            <a href="/latest.rss">{t('footer.rss')}</a>
            <a href="/rules">{t('moderation.footer.rules')}</a>
            <form method="post" action="/locale" class="inline locale-form">
              <CsrfField vc={vc} />
              <input type="hidden" name="next" value={vc.path} />
              <label>
                <span class="visually-hidden">{t('footer.language')}</span>
                <select name="locale" aria-label={t('footer.language')} data-autosubmit>
                  {locales.map((l) => (
                    <option value={l} selected={l === vc.locale}>
                      {t(`lang.${l}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" class="small">
                {t('common.save')}
              </button>
            </form>
          </div>
        </footer>
      </body>
    </html>
  );
};

/** Drawn, not an emoji: machines without an emoji font would show an empty box. */
const BellIcon: FC = () => (
  <svg class="icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
    <path d="M13.73 21a2 2 0 0 1-3.46 0" />
  </svg>
);

const MailIcon: FC = () => (
  <svg class="icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="m3 7 9 6 9-6" />
  </svg>
);

/** What changes with the member in the header: their name, their counts. Part of the page for a class of members. */
const memberNavVariant = (vc: ViewContext) => `${vc.user?.id}|${vc.user?.username}|${vc.user?.displayName}|${vc.unreadNotifications}|${vc.unreadConversations}`;

const MemberNav: FC<{ vc: ViewContext }> = ({ vc }) => {
  const { t, user } = vc;
  if (!user) return null;
  return (
    <>
      <a class="button primary" href="/new">
        {t('nav.newThread')}
      </a>
      <details class="bell-menu">
        <summary
          class="bell"
          aria-label={t('notifications.bell', { count: vc.unreadNotifications })}
          data-label-template={t('notifications.bell', { count: '{count}' })}
          hx-get="/notifications/menu"
          hx-target="#notification-menu"
          hx-swap="outerHTML"
        >
          <BellIcon />
          {vc.unreadNotifications > 0 ? <span class="count">{vc.tr.number(vc.unreadNotifications)}</span> : null}
        </summary>
        <div id="notification-menu" class="notification-menu">
          <a href="/notifications">{t('notifications.seeAll')}</a>
        </div>
      </details>
      <a href="/messages" class="messages-link" aria-label={t('conversations.navLabel', { count: vc.unreadConversations })}>
        <MailIcon />
        {vc.unreadConversations > 0 ? <span class="count">{vc.tr.number(vc.unreadConversations)}</span> : null}
      </a>
      {isStaff(user) ? <a href="/review">{t('moderation.nav.review')}</a> : null}
      {isStaff(user) ? <a href="/admin">{t('nav.admin')}</a> : null}
      <a href={`/u/${encodeURIComponent(user.username)}`}>{user.displayName}</a>
      <a href="/preferences">{t('nav.preferences')}</a>
      <form method="post" action="/logout" class="inline">
        <CsrfField vc={vc} />
        <button type="submit" class="link">
          {t('nav.logout')}
        </button>
      </form>
    </>
  );
};
