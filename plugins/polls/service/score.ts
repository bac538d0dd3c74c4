import type { Answer } from '../input/ballot.ts';
import type { PollView } from './load-polls.ts';

/** Questions answered right: exactly the right options picked, no more, no fewer. */
export function scoreQuiz(view: PollView, answers: Answer[]): number {
  let score = 0;
  for (const { question, options } of view.questions) {
    const right = options.filter((o) => o.option.correct).map((o) => o.option.id).sort((a, b) => a - b);
    const picked = [...(answers.find((a) => a.questionId === question.id)?.optionIds ?? [])].sort((a, b) => a - b);
    if (right.length > 0 && right.length === picked.length && right.every((id, i) => id === picked[i])) score++;
  }
  return score;
}
