import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { canReply } from '../permissions.ts';
import type { PostView } from '../service/thread-page.ts';
import { threadPath } from '../service/slug.ts';
import { Pagination } from './pagination.tsx';
import { PostItem } from './post.tsx';
import type { PostScope } from './post-actions.tsx';
import { ReplyForm, ReplyNotice } from './reply-form.tsx';
import { ThreadHeader } from './thread-header.tsx';
import { MoreLink } from './thread-list.tsx';
import { WatchControl, type WatchLevel } from '../../watching/index.ts';
import { MemberPart } from '../../ui/member-parts.tsx';

/** On the last page, new replies announce themselves (core/live/live.js reads these attributes). */
function liveAttributes(vc: ViewContext, threadId: number, posts: PostView[]): Record<string, string> {
  return {
    'data-live': '',
    'data-live-thread': String(threadId),
    'data-live-last': String(posts.reduce((max, view) => Math.max(max, view.post.number), 0)),
    'data-live-after': `/t/${threadId}/after/`,
    'data-live-one': vc.t('live.newReply'),
    'data-live-many': vc.t('live.newReplies'),
  };
}

export interface ThreadPageProps {
  vc: ViewContext;
  scope: PostScope;
  tags: string[];
  posts: PostView[];
  page: number;
  pages: number;
  /** The signed-in member's watch level for this thread. */
  watch?: WatchLevel;
}

/** Posts of one page; the first post is followed by the thread.belowFirstPost slot. */
export const PostRun: FC<{ vc: ViewContext; scope: PostScope; posts: PostView[] }> = ({ vc, scope, posts }) => (
  <>
    {posts.map((view) => (
      <>
        <PostItem vc={vc} view={view} scope={scope} />
        {view.post.number === 1 ? (
          <Slot
            name="thread.belowFirstPost"
            vc={vc}
            categoryId={scope.category.id}
            thread={scope.thread}
            category={scope.category}
            firstPost={view.post}
          />
        ) : null}
      </>
    ))}
  </>
);

export function nextPageHref(scope: PostScope, page: number, pages: number): string | null {
  return page < pages ? `${threadPath(scope.thread)}?page=${page + 1}` : null;
}

export const ThreadPage: FC<ThreadPageProps> = ({ vc, scope, tags, posts, page, pages, watch }) => {
  const { thread, category, parent } = scope;
  const base = threadPath(thread);
  return (
    <div class="thread-page">
      <ThreadHeader vc={vc} thread={thread} category={category} parent={parent} tags={tags} />
      {page > 1 ? <Pagination vc={vc} base={base} page={page} pages={pages} /> : null}
      {vc.user ? (
        <MemberPart
          vc={vc}
          variant={(_, state) => state.watch ?? ''}
          render={(own, state) => (state.watch ? <WatchControl vc={own} thread={thread} level={state.watch} /> : null)}
          state={{ liked: () => false, watch }}
        />
      ) : null}
      <div class="post-list" id="posts" {...(page === pages ? liveAttributes(vc, thread.id, posts) : {})}>
        <PostRun vc={vc} scope={scope} posts={posts} />
      </div>
      <MoreLink vc={vc} href={nextPageHref(scope, page, pages)} list="posts" />
      <Pagination vc={vc} base={base} page={page} pages={pages} />
      {canReply(vc.user, category, thread, parent) && !thread.deletedAt ? (
        <ReplyForm vc={vc} thread={thread} category={category} />
      ) : (
        <ReplyNotice vc={vc} thread={thread} />
      )}
    </div>
  );
};
