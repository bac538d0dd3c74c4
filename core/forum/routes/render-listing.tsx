import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
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
  /** The page around the list (header, tabs, sidebar). */
  frame: (list: Child) => Child;
  /** The frame shows the sidebar slot: its plugin cards are preloaded with the page's reads. */
  sidebar?: boolean;
}

/** A thread listing page; "load more" requests from htmx get only the next rows. */
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

export async function renderListing(c: Context, options: ListingOptions): Promise<Response> {
  const { db } = c.var.deps;
  const vc = viewContext(c);
  const viewerAccess = await access(c);
  const before = decodeCursor(c.req.query('before'));
  const key = JSON.stringify([options.query, options.pinned ?? null, before, viewerAccess.readableIds]);
  // a listing is the same for every viewer who may read the same categories
  const shared = await sharedReadsFor<SharedListing>(c.var.deps, 'listings', 200).get(key, async () => {
    const [page, pinned] = await Promise.all([
      listThreads(db, viewerAccess, { ...options.query, before }),
      options.pinned && !before ? pinnedThreads(db, viewerAccess, options.pinned) : [],
    ]);
    return { page, pinned };
  });
  // the viewer's unread state goes on copies: the shared items are every viewer's
  const page = { ...shared.page, items: shared.page.items.map((item) => ({ ...item })) };
  const pinned = shared.pinned.map((item) => ({ ...item }));
  const fragment = Boolean(before && isHtmx(c));
  await Promise.all([
    withUnread(db, c.var.user?.id, [...pinned, ...page.items]),
    // the sidebar's plugin cards load alongside, so the render waits on nothing
    fragment || !options.sidebar ? undefined : preloadSlot(vc, 'sidebar', undefined, [{ category: null }], (error, slot) => c.var.log.warn({ err: error, slot }, 'slot preload failed')),
  ]);
  const nextHref = page.next ? `${options.path}?before=${encodeURIComponent(encodeCursor(page.next))}` : null;
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
  return renderPage(
    c,
    { title: options.title, feeds: options.feeds, description: options.description, canonical: `${vc.origin}${c.req.path}` },
    options.frame(list),
  ) as Promise<Response>;
}
