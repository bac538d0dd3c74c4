import type { FC } from 'hono/jsx';
import type { ScopedThread, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import type { PollView } from '../service/load-polls.ts';
import type { TextAnswer } from '../service/text-answers.ts';
import { plural } from './plural.ts';
import { QuestionView } from './question.tsx';

/** Aggregated answers for the author and staff; text answers of anonymous surveys carry no names. */
export const ResultsPage: FC<{ vc: ViewContext; thread: ScopedThread; view: PollView; texts: Map<number, TextAnswer[]> }> = ({ vc, thread, view, texts }) => {
  const { poll } = view;
  return (
    <section class="polls-results-page stack">
      <p>
        <a href={paths.pollAnchor(thread.id, poll.id)}>{vc.t('polls.backToThread', { title: thread.title })}</a>
      </p>
      <h1>{vc.t('polls.results.heading', { title: poll.title })}</h1>
      <p class="meta">
        {plural(vc, `polls.responders.${poll.kind}`, view.responders)}
        {poll.anonymous ? <span class="badge">{vc.t('polls.anonymousBadge')}</span> : null}
      </p>
      <p>
        <a class="button" href={paths.csv(thread.id, poll.id)} download>
          {vc.t('polls.manage.export')}
        </a>
      </p>
      <div class="polls-block">
        {view.questions.map((entry) =>
          entry.question.kind === 'text' ? (
            <fieldset class="polls-question">
              <legend>{entry.question.prompt}</legend>
              <TextAnswers vc={vc} answers={texts.get(entry.question.id) ?? []} />
            </fieldset>
          ) : (
            <QuestionView
              vc={vc}
              pollId={poll.id}
              entry={entry}
              voting={false}
              showResults
              showCorrect={poll.kind === 'quiz'}
              mine={new Set()}
              total={view.responders}
              hidePrompt={false}
            />
          ),
        )}
      </div>
    </section>
  );
};

const TextAnswers: FC<{ vc: ViewContext; answers: TextAnswer[] }> = ({ vc, answers }) =>
  answers.length ? (
    <ul class="polls-text-answers">
      {answers.map((a) => (
        <li>
          <q>{a.body}</q>
          {a.count > 1 ? <span class="muted"> ×{vc.tr.number(a.count)}</span> : null}
          {a.author ? <span class="muted"> — {a.author.displayName}</span> : null}
        </li>
      ))}
    </ul>
  ) : (
    <p class="muted">{vc.t('polls.results.noText')}</p>
  );
