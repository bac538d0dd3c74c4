import { z } from 'zod';
import { parseOrThrow } from '../../../core/plugins/api.ts';
import { resultsVisibilities, type Poll, type ResultsVisibility } from '../schema.ts';
import { localDateTime, text, titleField, type FormInput } from './fields.ts';

export interface PollEdit {
  title: string;
  closesAt: Date | null;
  results: ResultsVisibility;
}

/** The edit form: a closing time may stay as it was even if it has passed, but a new one must be ahead. */
export function parseEditForm(form: FormInput, poll: Poll, timeZone: string, now: Date): PollEdit {
  const schema = z.object({
    polls_title: titleField,
    polls_closes_at: localDateTime(timeZone).refine(
      (d) => d === null || d.getTime() > now.getTime() || d.getTime() === poll.closesAt?.getTime(),
      'polls.error.closeInPast',
    ),
    polls_results: z.enum(resultsVisibilities, { error: 'polls.error.resultsInvalid' }).default(poll.results),
  });
  const data = parseOrThrow(schema, {
    polls_title: text(form, 'polls_title'),
    polls_closes_at: text(form, 'polls_closes_at'),
    polls_results: text(form, 'polls_results') || undefined,
  });
  return { title: data.polls_title, closesAt: data.polls_closes_at, results: data.polls_results };
}
