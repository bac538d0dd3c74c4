import { UserError } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { castVote, type VoteValue } from '../service/vote.ts';
import type { QaApi } from '../settings.ts';
import { VoteWidget } from '../views/vote-widget.tsx';
import { formInput, isHtmx, pathPost, redirectAfterPost, scopedThread, single, vcOf, type QaContext } from './context.ts';

const values: Record<string, VoteValue> = { '1': 1, '-1': -1, '0': 0, up: 1, down: -1, none: 0 };

/** POST /t/:threadId/p/:postId/vote — value 1, -1 or 0 (remove). htmx gets the new widget. */
export function voteRoute(api: QaApi) {
  return async function qaVote(c: QaContext) {
    const thread = await scopedThread(api, c);
    const post = await pathPost(api, c, thread);
    const raw = single(await formInput(c), 'value') ?? '';
    const value = Object.hasOwn(values, raw) ? values[raw] : undefined;
    if (value === undefined) throw new UserError(422, 'qa.error.voteValue');
    const result = await castVote(api, { thread, post, voter: c.get('user'), value });
    if (!isHtmx(c)) return redirectAfterPost(c, paths.postAnchor(thread.id, post.number));
    return c.html(<VoteWidget vc={vcOf(c)} thread={thread} post={post} score={result.score} mine={result.value} />);
  };
}
