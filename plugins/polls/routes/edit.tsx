import { renderPage, ValidationError } from '../../../core/plugins/api.ts';
import { parseEditForm } from '../input/edit-form.ts';
import { paths } from '../paths.ts';
import { editPoll } from '../service/edit-poll.ts';
import { toLocalInput } from '../service/zoned-time.ts';
import type { PollsApi } from '../settings.ts';
import { EditPage } from '../views/edit-page.tsx';
import { findPoll, formInput, formValues, redirectAfterPost, requireManager, scopedThread, timeZoneOf, vcOf, type PollsContext } from './context.ts';

/** GET /t/:threadId/p/:pollId/edit */
export function editForm(api: PollsApi) {
  return async function pollsEditForm(c: PollsContext) {
    const { poll } = await findPoll(api, c);
    requireManager(c, poll);
    const vc = vcOf(c);
    const form = { polls_title: poll.title, polls_closes_at: poll.closesAt ? toLocalInput(poll.closesAt, timeZoneOf(c)) : '', polls_results: poll.results };
    return renderPage(c, { title: vc.t('polls.edit.heading', { title: poll.title }) }, <EditPage vc={vc} thread={scopedThread(c)} poll={poll} form={form} />);
  };
}

/** POST /t/:threadId/p/:pollId/edit */
export function editSubmit(api: PollsApi) {
  return async function pollsEditSubmit(c: PollsContext) {
    const { poll } = await findPoll(api, c);
    requireManager(c, poll);
    const form = await formInput(c);
    const thread = scopedThread(c);
    try {
      await editPoll(api, poll, parseEditForm(form, poll, timeZoneOf(c), new Date()));
      return redirectAfterPost(c, paths.pollAnchor(thread.id, poll.id));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const vc = vcOf(c);
      return renderPage(
        c,
        { title: vc.t('polls.edit.heading', { title: poll.title }), status: 422 },
        <EditPage vc={vc} thread={thread} poll={poll} form={formValues(form)} errors={error.fields} />,
      );
    }
  };
}
