import type { FC } from 'hono/jsx';
import { canAct, type ViewContext } from '../../../core/plugins/api.ts';
import type { BallotProblems } from '../input/ballot.ts';
import { paths, pollDomId } from '../paths.ts';
import type { PollView } from '../service/load-polls.ts';
import { canManage, isClosed, resultsVisible } from '../service/permissions.ts';
import { Csrf } from './inputs.tsx';
import { PollManage } from './poll-manage.tsx';
import { plural } from './plural.ts';
import { QuestionView } from './question.tsx';

export interface BlockThread {
  id: number;
  locked: boolean;
}

export interface PollBlockProps {
  vc: ViewContext;
  view: PollView;
  thread: BlockThread;
  problems?: BallotProblems;
  /** i18n key of a short confirmation ("Your vote was counted"). */
  notice?: string;
}

/** What the viewer may do with a poll right now. */
export function pollState(vc: ViewContext, view: PollView, thread: BlockThread, now = new Date()) {
  const { poll, mine } = view;
  const manager = canManage(vc.user, poll);
  const closed = isClosed(poll, now);
  const member = vc.user !== null && canAct(vc.user);
  const voting = member && !closed && !thread.locked && (poll.kind === 'poll' || !mine.responded);
  return { manager, closed, member, voting, showResults: resultsVisible(poll, { manager, responded: mine.responded }, now) };
}

const Status: FC<{ vc: ViewContext; view: PollView; closed: boolean }> = ({ vc, view, closed }) => {
  const { poll } = view;
  const when = closed
    ? vc.t('polls.status.closed')
    : poll.closesAt
      ? vc.t('polls.status.closes', { when: vc.tr.relative(poll.closesAt) })
      : vc.t('polls.status.open');
  return (
    <p class="polls-status meta">
      <span>{when}</span>
      <span>{plural(vc, `polls.responders.${poll.kind}`, view.responders)}</span>
      {poll.anonymous ? <span class="badge">{vc.t('polls.anonymousBadge')}</span> : null}
    </p>
  );
};

function hiddenResultsNote(view: PollView, closed: boolean): string | null {
  const { poll } = view;
  if (poll.kind === 'survey') return 'polls.hidden.survey';
  if (poll.kind === 'quiz') return closed ? null : 'polls.hidden.quiz';
  if (poll.results === 'voted') return 'polls.hidden.voted';
  if (poll.results === 'closed') return 'polls.hidden.closed';
  return null;
}

/** A poll, survey or quiz inside the thread; also the htmx fragment its forms swap in. */
export const PollBlock: FC<PollBlockProps> = ({ vc, view, thread, problems = {}, notice }) => {
  const { poll, mine } = view;
  const state = pollState(vc, view, thread);
  const id = pollDomId(poll.id);
  const showQuestions = state.voting || poll.kind === 'poll' || state.showResults;
  const submitKey = poll.kind === 'poll' ? (mine.responded ? 'polls.changeVote' : 'polls.vote') : 'polls.submit';
  const questions = view.questions.map((entry) => (
    <QuestionView
      vc={vc}
      pollId={poll.id}
      entry={entry}
      voting={state.voting}
      showResults={state.showResults}
      showCorrect={poll.kind === 'quiz' && state.closed}
      mine={mine.optionIds}
      total={view.responders}
      hidePrompt={poll.kind === 'poll'}
      problem={problems[entry.question.id]}
    />
  ));
  const hidden = state.showResults ? null : hiddenResultsNote(view, state.closed);
  return (
    <section id={id} class={`polls-block polls-${poll.kind}`} aria-labelledby={`${id}-title`}>
      <header class="polls-head">
        <span class="badge">{vc.t(`polls.kind.${poll.kind}`)}</span>
        <h2 id={`${id}-title`}>{poll.title}</h2>
      </header>
      <Status vc={vc} view={view} closed={state.closed} />
      {problems[0] ? (
        <div class="flash error" role="alert">
          {vc.t(problems[0].key, problems[0].params)}
        </div>
      ) : null}
      {notice ? (
        <p class="flash success" role="status">
          {vc.t(notice)}
        </p>
      ) : null}
      {poll.kind === 'quiz' && mine.responded ? (
        <p class="polls-score">{vc.t('polls.quiz.score', { score: mine.score ?? 0, total: view.questions.length })}</p>
      ) : null}
      {poll.kind === 'survey' && mine.responded ? <p class="polls-thanks">{vc.t('polls.survey.thanks')}</p> : null}
      {showQuestions && state.voting ? (
        <form class="polls-ballot" method="post" action={paths.vote(thread.id, poll.id)} hx-post={paths.vote(thread.id, poll.id)} hx-target={`#${id}`} hx-swap="outerHTML">
          <Csrf vc={vc} />
          {questions}
          <div class="form-actions">
            <button type="submit" class="primary">
              {vc.t(submitKey)}
            </button>
          </div>
        </form>
      ) : showQuestions ? (
        <div class="polls-ballot">{questions}</div>
      ) : null}
      {hidden ? <p class="polls-hidden muted">{vc.t(hidden)}</p> : null}
      {!vc.user && !state.closed ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(paths.pollAnchor(thread.id, poll.id))}`}>{vc.t('polls.loginToVote')}</a>
        </p>
      ) : null}
      <PollManage vc={vc} view={view} threadId={thread.id} manager={state.manager} closed={state.closed} />
    </section>
  );
};
