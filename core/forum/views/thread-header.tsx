import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { isStaffViewer } from '../permissions.ts';
import type { Category, Thread } from '../schema.ts';
import { sourceUrl } from '../service/post-input.ts';
import { CategoryChip, TagLinks, ThreadBadges, countText } from './bits.tsx';
import { CommunityControls, TitleForm, type HeaderEditing } from './community-controls.tsx';
import { StaffControls } from './staff-controls.tsx';

export interface ThreadHeaderProps {
  vc: ViewContext;
  thread: Thread;
  category: Category;
  parent: Category | null;
  tags: string[];
  /** Sent alongside another swap (a first post's edit changed the title): htmx swaps it in by id. */
  oob?: boolean;
  /** The title or the category being edited in place (trust-level community editing, core/trust). */
  editing?: HeaderEditing;
}

const Source: FC<{ vc: ViewContext; source: string }> = ({ vc, source }) => {
  const url = sourceUrl(source);
  return (
    <p class="thread-source small">
      <span class="muted">{vc.t('forum.thread.source')}:</span>{' '}
      {url ? (
        <a href={url} rel="nofollow ugc noopener noreferrer" target="_blank">
          {source}
        </a>
      ) : (
        <cite>{source}</cite>
      )}
    </p>
  );
};

export const ThreadHeader: FC<ThreadHeaderProps> = ({ vc, thread, category, parent, tags, oob, editing }) => (
  <header class="thread-header" id="thread-header" hx-swap-oob={oob ? 'true' : undefined}>
    <div class="meta">
      {parent ? <CategoryChip category={parent} /> : null}
      <CategoryChip category={category} />
      <TagLinks vc={vc} tags={tags} />
    </div>
    {editing?.kind === 'title' ? <TitleForm vc={vc} thread={thread} inPlace value={editing.value} problem={editing.problem} /> : <h1>{thread.title}</h1>}
    <div class="meta">
      <ThreadBadges vc={vc} thread={thread} />
      <span>{countText(vc, 'forum.list.replyCount', thread.replyCount)}</span>
      <span>{countText(vc, 'forum.list.viewCount', thread.viewCount)}</span>
      <span>{countText(vc, 'forum.list.likeCount', thread.likeCount)}</span>
    </div>
    {thread.source ? <Source vc={vc} source={thread.source} /> : null}
    {thread.deletedAt ? (
      <p class="flash warning" role="status">
        {vc.t('forum.thread.deletedNotice')}
      </p>
    ) : null}
    <Slot name="thread.header" vc={vc} categoryId={category.id} thread={thread} category={category} />
    <CommunityControls vc={vc} thread={thread} category={category} parent={parent} editing={editing} />
    {isStaffViewer(vc.user) ? <StaffControls vc={vc} thread={thread} /> : null}
  </header>
);
