import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import { MemberPart, noMemberState } from '../../ui/member-parts.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { ThreadListItem } from '../service/listings.ts';
import { threadPath } from '../service/slug.ts';
import { postNumberUrl, UnreadBadge } from '../../watching/index.ts';
import { Avatar, CategoryChip, TagLinks, ThreadBadges, Time, countText } from './bits.tsx';

/** `listThreadIds`: every thread rendered with this row, so plugins filling thread.listItem batch their look-ups. */
export const ThreadRow: FC<{ vc: ViewContext; item: ThreadListItem; listThreadIds?: readonly number[] }> = ({ vc, item, listThreadIds }) => {
  const { thread, category, author, lastPoster } = item;
  const { t } = vc;
  return (
    <li class="thread-row" id={`thread-${thread.id}`}>
      <Avatar author={author} />
      <h2 class="thread-title">
        <a href={threadPath(thread)}>{thread.title}</a> <ThreadBadges vc={vc} thread={thread} />
        <Slot name="thread.listItem" vc={vc} categoryId={category.id} thread={thread} category={category} listThreadIds={listThreadIds ?? [thread.id]} />
        {/* what is new to the member: a part of its own in a listing shared by their class (core/http/member-pages) */}
        <MemberPart
          vc={vc}
          state={{ ...noMemberState, unread: () => item.unread }}
          variant={(_, state) => unreadVariant(state.unread?.(thread.id))}
          render={(own, state) => {
            const unread = state.unread?.(thread.id);
            return unread ? <UnreadBadge vc={own} count={unread.unread} firstUnreadUrl={postNumberUrl(thread.id, unread.firstUnreadNumber)} /> : null;
          }}
        />
      </h2>
      <div class="meta">
        <CategoryChip category={category} />
        <TagLinks vc={vc} tags={item.tags} />
        {author ? <span>{t('common.by', { name: author.displayName })}</span> : null}
        <span>
          {lastPoster && thread.replyCount > 0
            ? t('forum.list.lastReply', { name: lastPoster.displayName })
            : t('forum.list.started')}{' '}
          <Time vc={vc} date={thread.lastPostAt} />
        </span>
      </div>
      <div class="stats">
        <span title={t('forum.list.replies')}>{countText(vc, 'forum.list.replyCount', thread.replyCount)}</span>
        <span title={t('forum.list.likes')}>{countText(vc, 'forum.list.likeCount', thread.likeCount)}</span>
        <span title={t('forum.list.views')}>{countText(vc, 'forum.list.viewCount', thread.viewCount)}</span>
      </div>
    </li>
  );
};

function unreadVariant(unread: ThreadListItem['unread']): string {
  return unread ? `${unread.unread}:${unread.firstUnreadNumber}` : '';
}

export const ThreadRows: FC<{ vc: ViewContext; items: ThreadListItem[] }> = ({ vc, items }) => {
  const ids = items.map((i) => i.thread.id);
  return (
    <>
      {items.map((item) => (
        <ThreadRow vc={vc} item={item} listThreadIds={ids} />
      ))}
    </>
  );
};

/** "Load more": a plain link to the next page, which htmx turns into an append. */
export const MoreLink: FC<{ vc: ViewContext; href: string | null; list: string; oob?: boolean }> = ({ vc, href, list, oob }) => (
  <div class="load-more" id={`${list}-more`} hx-swap-oob={oob ? 'true' : undefined}>
    {href ? (
      <a class="button" href={href} hx-get={href} hx-target={`#${list}`} hx-swap="beforeend" rel="next">
        {vc.t('common.loadMore')}
      </a>
    ) : null}
  </div>
);

export interface ThreadListProps {
  vc: ViewContext;
  items: ThreadListItem[];
  pinned?: ThreadListItem[];
  nextHref: string | null;
  empty: string;
}

export const ThreadList: FC<ThreadListProps> = ({ vc, items, pinned = [], nextHref, empty }) => (
  // live.js offers a refresh when new activity happens while the list is open
  <section class="threads" data-live-listing data-live-activity={vc.t('live.newActivity')}>
    {pinned.length ? (
      <ul class="thread-list pinned-list" aria-label={vc.t('forum.list.pinned')}>
        <ThreadRows vc={vc} items={pinned} />
      </ul>
    ) : null}
    {items.length || pinned.length ? (
      <ul class="thread-list" id="thread-list">
        <ThreadRows vc={vc} items={items} />
      </ul>
    ) : (
      <p class="empty">{empty}</p>
    )}
    <MoreLink vc={vc} href={nextHref} list="thread-list" />
  </section>
);
