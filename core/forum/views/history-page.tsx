import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Post, Thread } from '../schema.ts';
import type { RevisionView } from '../service/history.ts';
import { AuthorName, Time } from './bits.tsx';

/** Staff view of a post's earlier versions, as the Markdown that was replaced. */
export const HistoryPage: FC<{ vc: ViewContext; post: Post; thread: Thread; revisions: RevisionView[] }> = ({ vc, post, thread, revisions }) => (
  <section class="post-history">
    <h1>{vc.t('forum.history.title', { number: post.number })}</h1>
    <p>
      <a href={`/p/${post.id}`}>{thread.title}</a>
    </p>
    <h2>{vc.t('forum.history.current')}</h2>
    <pre class="revision current">{post.raw}</pre>
    <ol class="revisions">
      {revisions.map((r) => (
        <li class="revision">
          <p class="meta">
            {vc.t('forum.history.replacedBy')} <AuthorName vc={vc} author={r.editor} /> <Time vc={vc} date={r.createdAt} />
          </p>
          {r.title ? (
            <p>
              {vc.t('forum.history.previousTitle')}: <strong>{r.title}</strong>
            </p>
          ) : null}
          <pre>{r.raw}</pre>
        </li>
      ))}
    </ol>
  </section>
);
