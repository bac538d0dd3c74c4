import { renderPage } from '../../../core/plugins/api.ts';
import { loadTextAnswers } from '../service/text-answers.ts';
import type { PollsApi } from '../settings.ts';
import { ResultsPage } from '../views/results-page.tsx';
import { findPoll, requireManager, scopedThread, vcOf, type PollsContext } from './context.ts';

/** GET /t/:threadId/p/:pollId/results — for the author and staff. */
export function resultsRoute(api: PollsApi) {
  return async function pollsResults(c: PollsContext) {
    const view = await findPoll(api, c);
    requireManager(c, view.poll);
    const texts = await loadTextAnswers(api.db, view.poll);
    const vc = vcOf(c);
    return renderPage(c, { title: vc.t('polls.results.heading', { title: view.poll.title }) }, <ResultsPage vc={vc} thread={scopedThread(c)} view={view} texts={texts} />);
  };
}
