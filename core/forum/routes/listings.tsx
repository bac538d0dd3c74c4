import { Hono } from 'hono';
import { UserError } from '../../http/errors.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { topPeriods, type TopPeriod } from '../service/listings.ts';
import { tagPath } from '../service/slug.ts';
import { findTag } from '../service/tags.ts';
import { HomeSidebar, ListingLayout, PeriodTabs } from '../views/listing-page.tsx';
import { access } from './context.ts';
import { renderListing } from './render-listing.tsx';

function isPeriod(value: string | undefined): value is TopPeriod {
  return value !== undefined && Object.hasOwn(topPeriods, value);
}

/** Home, latest, newest, top, featured and per-tag listings. */
export function listingRoutes(): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const vc = viewContext(c);
    const readable = await access(c);
    return renderListing(c, {
      query: { kind: 'latest', excludePinned: 'global' },
      path: '/latest',
      title: '',
      description: vc.site.description || undefined,
      pinned: {},
      empty: vc.t('forum.empty.latest'),
      feeds: latestFeeds(vc.t),
      sidebar: true,
      frame: (vc, list) => (
        <ListingLayout vc={vc} title={vc.site.forumName} active="latest" sidebar={<HomeSidebar vc={vc} categories={readable.topLevel()} />}>
          {list}
        </ListingLayout>
      ),
    });
  });

  app.get('/latest', (c) => {
    const vc = viewContext(c);
    return renderListing(c, {
      query: { kind: 'latest', excludePinned: 'global' },
      path: '/latest',
      title: vc.t('forum.tab.latest'),
      pinned: {},
      empty: vc.t('forum.empty.latest'),
      feeds: latestFeeds(vc.t),
      frame: (vc, list) => (
        <ListingLayout vc={vc} title={vc.t('forum.tab.latest')} active="latest">
          {list}
        </ListingLayout>
      ),
    });
  });

  app.get('/newest', (c) => {
    const vc = viewContext(c);
    return renderListing(c, {
      query: { kind: 'new' },
      path: '/newest',
      title: vc.t('forum.tab.new'),
      empty: vc.t('forum.empty.latest'),
      feeds: latestFeeds(vc.t),
      frame: (vc, list) => (
        <ListingLayout vc={vc} title={vc.t('forum.tab.new')} active="new">
          {list}
        </ListingLayout>
      ),
    });
  });

  app.get('/featured', (c) => {
    const vc = viewContext(c);
    return renderListing(c, {
      query: { kind: 'featured' },
      path: '/featured',
      title: vc.t('forum.tab.featured'),
      empty: vc.t('forum.empty.featured'),
      frame: (vc, list) => (
        <ListingLayout vc={vc} title={vc.t('forum.tab.featured')} active="featured">
          <p class="muted">{vc.t('forum.featured.intro')}</p>
          {list}
        </ListingLayout>
      ),
    });
  });

  app.get('/top', (c) => {
    const vc = viewContext(c);
    const requested = c.req.query('period');
    const period: TopPeriod = isPeriod(requested) ? requested : 'week';
    return renderListing(c, {
      query: { kind: 'top', period },
      path: '/top',
      title: vc.t('forum.tab.top'),
      empty: vc.t('forum.empty.top'),
      frame: (vc, list) => (
        <ListingLayout vc={vc} title={vc.t('forum.tab.top')} active="top">
          <PeriodTabs vc={vc} active={period} />
          {list}
        </ListingLayout>
      ),
    });
  });

  app.get('/tag/:name', async (c) => {
    const vc = viewContext(c);
    const tag = await findTag(c.get('deps').db, c.req.param('name'));
    if (!tag) throw new UserError(404, 'error.404.body');
    const title = vc.t('forum.tag.title', { name: tag.name });
    return renderListing(c, {
      query: { kind: 'latest', tagId: tag.id },
      path: tagPath(tag.name),
      title,
      empty: vc.t('forum.empty.tag'),
      frame: (vc, list) => (
        <ListingLayout vc={vc} title={title}>
          {list}
        </ListingLayout>
      ),
    });
  });

  return app;
}

function latestFeeds(t: (key: string) => string) {
  return [
    { title: t('forum.feed.latest'), href: '/latest.rss' },
    { title: t('forum.feed.latest'), href: '/latest.atom', format: 'atom' as const },
  ];
}
