import type { Context } from 'hono';
import { renderPartOrPage, ValidationError } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { addComment, deleteComment } from '../service/comments.ts';
import { loadThreadData } from '../service/thread-data.ts';
import type { QaApi } from '../settings.ts';
import { Comments } from '../views/comments.tsx';
import { formInput, idParam, isHtmx, pathPost, redirectAfterPost, scopedThread, single, vcOf, type QaContext } from './context.ts';

/** POST /t/:threadId/p/:postId/comments — htmx gets the post's comments again (with the refusal inline). */
export function addCommentRoute(api: QaApi) {
  return async function qaAddComment(c: QaContext) {
    const thread = await scopedThread(api, c);
    const post = await pathPost(api, c, thread);
    const form = await formInput(c);
    let error: string | undefined;
    try {
      await addComment(api, { thread, post, author: c.get('user'), form: { qa_comment: single(form, 'qa_comment') ?? '' } });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      error = e.fields.qa_comment ?? 'qa.comment.error.length';
    }
    if (!isHtmx(c) && !error) return redirectAfterPost(c, paths.postAnchor(thread.id, post.number));
    const data = await loadThreadData(api.db, thread.id, c.get('user')?.id ?? null);
    const vc = vcOf(c);
    // without JavaScript a refusal is a small page with the form filled in again
    return renderPartOrPage(
      c as unknown as Context,
      { title: thread.title, status: error ? 422 : 200 },
      <Comments vc={vc} thread={thread} postId={post.id} comments={data.comments.get(post.id) ?? []} draft={error ? single(form, 'qa_comment') : undefined} error={error} />,
    );
  };
}

/** POST /t/:threadId/comments/:commentId/delete */
export function deleteCommentRoute(api: QaApi) {
  return async function qaDeleteComment(c: QaContext) {
    const thread = await scopedThread(api, c);
    const comment = await deleteComment(api, { thread, commentId: idParam(c, 'commentId'), by: c.get('user') });
    if (!isHtmx(c)) return redirectAfterPost(c, `/p/${comment.postId}`);
    const data = await loadThreadData(api.db, thread.id, c.get('user')?.id ?? null);
    return c.html(<Comments vc={vcOf(c)} thread={thread} postId={comment.postId} comments={data.comments.get(comment.postId) ?? []} />);
  };
}
