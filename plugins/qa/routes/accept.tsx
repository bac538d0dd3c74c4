import { paths } from '../paths.ts';
import { acceptAnswer, unacceptAnswer } from '../service/accept.ts';
import type { QaApi } from '../settings.ts';
import { pathPost, redirectAfterPost, scopedThread, type QaContext } from './context.ts';

/** POST /t/:threadId/p/:postId/accept — the page is shown again in its new order. */
export function acceptRoute(api: QaApi) {
  return async function qaAccept(c: QaContext) {
    const thread = await scopedThread(api, c);
    const answer = await pathPost(api, c, thread);
    await acceptAnswer(api, { thread, answer, by: c.get('user') });
    return redirectAfterPost(c, paths.postAnchor(thread.id, 1));
  };
}

/** POST /t/:threadId/unaccept */
export function unacceptRoute(api: QaApi) {
  return async function qaUnaccept(c: QaContext) {
    const thread = await scopedThread(api, c);
    await unacceptAnswer(api, { thread, by: c.get('user') });
    return redirectAfterPost(c, paths.postAnchor(thread.id, 1));
  };
}
