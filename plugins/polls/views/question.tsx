import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { ballotField, MAX_TEXT_ANSWER_CHARS, type BallotProblem } from '../input/ballot.ts';
import type { PollView } from '../service/load-polls.ts';
import { ErrorText } from './inputs.tsx';
import { ResultBar, VoterList } from './results-bar.tsx';

export interface QuestionViewProps {
  vc: ViewContext;
  pollId: number;
  entry: PollView['questions'][number];
  /** Inputs to vote with, or read-only. */
  voting: boolean;
  showResults: boolean;
  /** Quizzes, once closed: mark the right options. */
  showCorrect: boolean;
  mine: Set<number>;
  total: number;
  /** A plain poll's only question repeats its title: keep it for screen readers only. */
  hidePrompt: boolean;
  problem?: BallotProblem;
}

function hint(vc: ViewContext, q: PollView['questions'][number]['question']): string {
  if (q.kind === 'text') return vc.t('polls.hint.text', { max: MAX_TEXT_ANSWER_CHARS });
  if (q.kind === 'single') return vc.t('polls.hint.single');
  if (q.minChoices === q.maxChoices) return vc.t('polls.hint.exactly', { n: q.minChoices });
  return vc.t('polls.hint.range', { min: q.minChoices, max: q.maxChoices });
}

/** A question: its options with inputs (when voting), the viewer's own choice, and bars (when visible). */
export const QuestionView: FC<QuestionViewProps> = ({ vc, pollId, entry, voting, showResults, showCorrect, mine, total, hidePrompt, problem }) => {
  const { question, options } = entry;
  const field = ballotField(question.id);
  const errorId = `polls-${pollId}-${field}`;
  return (
    <fieldset class={`polls-question${problem ? ' has-error' : ''}`} aria-describedby={problem ? `${errorId}-error` : undefined}>
      <legend class={hidePrompt ? 'visually-hidden' : undefined}>{question.prompt}</legend>
      {voting ? <p class="help">{hint(vc, question)}</p> : null}
      {question.kind === 'text' ? (
        voting ? (
          <input type="text" name={field} maxlength={MAX_TEXT_ANSWER_CHARS} aria-label={question.prompt} aria-invalid={problem ? 'true' : undefined} />
        ) : null
      ) : (
        <ul class="polls-options">
          {options.map(({ option, count, voters }) => {
            const id = `polls-o-${option.id}`;
            const chosen = mine.has(option.id);
            return (
              <li class={`polls-option${chosen ? ' polls-chosen' : ''}`}>
                <div class="polls-choice">
                  {voting ? <input id={id} type={question.kind === 'single' ? 'radio' : 'checkbox'} name={field} value={String(option.id)} checked={chosen} /> : null}
                  {voting ? <label for={id}>{option.label}</label> : <span class="polls-label">{option.label}</span>}
                  {chosen ? <span class="badge polls-mine">{vc.t('polls.yourChoice')}</span> : null}
                  {showCorrect && option.correct ? <span class="badge polls-correct">{vc.t('polls.correct')}</span> : null}
                </div>
                {showResults ? <ResultBar vc={vc} count={count} total={total} /> : null}
                {showResults ? <VoterList vc={vc} voters={voters} count={count} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      <ErrorText vc={vc} id={errorId} error={problem?.key} params={problem?.params} />
    </fieldset>
  );
};
