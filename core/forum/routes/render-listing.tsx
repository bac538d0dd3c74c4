import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { User } from '../../accounts/schema.ts';
import { pageMarkup, renderPage, type PageOptions } from '../../ui/page.tsx';
import { viewContext, type ViewContext } from '../../ui/view-context.ts';
import { noMemberState, type MemberState } from '../../ui/member-parts.tsx';
import { memberListingsFor, memberPageKey, memberTemplates, type ListingPageMeta } from '../../http/member-pages/store.ts';
import { memberPageResponse } from '../../http/member-pages/respond.ts';
import { MemberTemplate, renderToString, templateViewContext } from '../../http/member-pages/template.tsx';
import { decodeCursor, encodeCursor } from '../service/cursor.ts';
import { listThreads, pinnedThreads, type ListingPage, type ListingQuery, type ThreadListItem } from '../service/listings.ts';
import { sharedReadsFor } from '../../cache/shared-reads.ts';
import { MoreLink, ThreadList, ThreadRows } from '../views/thread-list.tsx';
import { unreadCounts } from '../../watching/index.ts';
import type { Db } from '../../db/index.ts';
import { access, isHtmx } from './context.ts';
import { preloadSlot } from '../../plugins/slots.tsx';

export interface ListingOptions {
  query: Omit<ListingQuery, 'before'>;
  /** The page's own path: "load more" links are this plus ?before=… */
  path: string;
  title: string;
  /** Pinned threads above the first page: global pins, or every pin within these categories. */
  pinned?: { categoryIds?: number[] };
  empty: string;
  feeds?: { title: string; href: string }[];
  description?: string;
  /**
   * The page around the list (header, tabs, sidebar), rendered with the view context it is given: for a
   * member, that of their class, with what is theirs alone marked as `<MemberPart>`s (core/ui/member-parts.tsx).
   */
  frame: (vc: ViewContext, list: Child) => Child;
  /** The member's own state the frame shows (their watch level on a category page). */
  memberState?: Pick<MemberState, 'categoryWatch'>;
  /** The frame shows the sidebar slot: its plugin cards are preloaded with the page's reads. */
  sidebar?: boolean;
}

/** One query for the unread state of every thread on the page. */
async function withUnread(db: Db, userId: number | undefined, items: ThreadListItem[]): Promise<void> {
  if (!userId || items.length === 0) return;
  const unread = await unreadCounts(db, userId, items.map((i) => i.thread.id));
  for (const item of items) item.unread = unread.get(item.thread.id);
}

interface SharedListing {
  page: ListingPage;
  pinned: ThreadListItem[];
}

/**
 * A thread listing page; "load more" requests from htmx get only the next rows. A member's full page is
 * made from the listing their class shares, with their unread badges filled in.
 */
export async function renderListing(c: Context, options: ListingOptions): Promise<Response> {
  const { db } = c.get('deps');
  const vc = viewContext(c);
  const viewerAccess = await access(c);
  const before = decodeCursor(c.req.query('before'));
  const key = JSON.stringify([options.query, options.pinned ?? null, before, viewerAccess.readableIds]);
  // a listing is the same for every viewer who may read the same categories
  const shared = await sharedReadsFor<SharedListing>(c.get('deps'), 'listings', 200).get(key, async () => {
    const [page, pinned] = await Promise.all([
      listThreads(db, viewerAccess, { ...options.query, before }),
      options.pinned && !before ? pinnedThreads(db, viewerAccess, options.pinned) : [],
    ]);
    return { page, pinned };
  });
  const nextHref = shared.page.next ? `${options.path}?before=${encodeURIComponent(encodeCursor(shared.page.next))}` : null;
  const fragment = Boolean(before && isHtmx(c));
  const user = c.get('user');
  if (user && !fragment && !c.get('standing') && memberTemplates.enabled) return memberListing(c, user, options, shared, nextHref);

  // the viewer's unread state goes on copies: the shared items are every viewer's
  const page = { ...shared.page, items: shared.page.items.map((item) => ({ ...item })) };
  const pinned = shared.pinned.map((item) => ({ ...item }));
  await Promise.all([
    withUnread(db, user?.id, [...pinned, ...page.items]),
    // the sidebar's plugin cards load alongside, so the render waits on nothing
    fragment || !options.sidebar ? undefined : preloadSidebar(c, vc),
  ]);
  c.header('Vary', 'HX-Request', { append: true });
  if (fragment) {
    return c.html(
      <>
        <ThreadRows vc={vc} items={page.items} />
        <MoreLink vc={vc} href={nextHref} list="thread-list" oob />
      </>,
    );
  }
  const list = <ThreadList vc={vc} items={page.items} pinned={pinned} nextHref={nextHref} empty={options.empty} />;
  return renderPage(c, pageOptions(c, vc, options), options.frame(vc, list)) as Promise<Response>;
}

/** A member's page: the listing as their class sees it (made once, core/http/member-pages), their unread state filled in. */
async function memberListing(c: Context, user: User, options: ListingOptions, shared: SharedListing, nextHref: string | null): Promise<Response> {
  const pending = Promise.all(c.get('beforeRender') ?? []);
  const templates = memberListingsFor(c.get('deps'));
  const template = await templates.get(memberPageKey(user, c.get('locale'), c.req.url), () => listingTemplate(c, options, shared, nextHref));
  // the rows the template shows, which the shared listing may have moved past since it was made
  const [unread] = await Promise.all([unreadCounts(c.get('deps').db, user.id, template.meta.threadIds), pending]);
  return memberPageResponse(c, template, user, { ...noMemberState, ...options.memberState, unread: (threadId) => unread.get(threadId) });
}

async function listingTemplate(c: Context, options: ListingOptions, shared: SharedListing, nextHref: string | null): Promise<MemberTemplate<ListingPageMeta>> {
  const vc = templateViewContext(viewContext(c) as ViewContext & { user: User });
  if (options.sidebar) await preloadSidebar(c, vc);
  const list = <ThreadList vc={vc} items={shared.page.items} pinned={shared.pinned} nextHref={nextHref} empty={options.empty} />;
  const html = await renderToString(pageMarkup(vc, pageOptions(c, vc, options), options.frame(vc, list)));
  const threadIds = [...shared.pinned, ...shared.page.items].map((item) => item.thread.id);
  return new MemberTemplate(html, vc, { threadIds });
}

function pageOptions(c: Context, vc: ViewContext, options: ListingOptions): Omit<PageOptions, 'status'> {
  return { title: options.title, feeds: options.feeds, description: options.description, canonical: `${vc.origin}${c.req.path}` };
}

function preloadSidebar(c: Context, vc: ViewContext): Promise<void> {
  // a template keeps this for its members' preloads: the logger, not the whole request
  const log = c.get('log');
  return preloadSlot(vc, 'sidebar', undefined, [{ category: null }], (error, slot) => log.warn({ err: error, slot }, 'slot preload failed'));
}
