import { z } from 'zod';
import { parseOrThrow, ValidationError, type FieldErrors } from '../../../core/plugins/api.ts';
import type { PollKind, QuestionKind, ResultsVisibility } from '../schema.ts';
import { resultsVisibilities } from '../schema.ts';
import type { PollsSettings } from '../settings.ts';
import { checkbox, count, lines, localDateTime, text, titleField, type FormInput } from './fields.ts';

export interface NewQuestion {
  kind: QuestionKind;
  prompt: string;
  options: string[];
  min: number;
  max: number;
  /** Quizzes: positions (0-based) of the right options. */
  correct: number[];
}

export interface NewPoll {
  kind: PollKind;
  title: string;
  anonymous: boolean;
  results: ResultsVisibility;
  closesAt: Date | null;
  questions: NewQuestion[];
}

export interface FormRules {
  settings: PollsSettings;
  timeZone: string;
  now: Date;
}

export const MAX_OPTION_CHARS = 200;

/** Options of a choice question: 2 to maxOptions distinct lines. */
export function optionsSchema(maxOptions: number) {
  return lines.pipe(
    z
      .array(z.string().max(MAX_OPTION_CHARS, 'polls.error.optionTooLong'))
      .min(2, 'polls.error.tooFewOptions')
      .max(maxOptions, 'polls.error.tooManyOptions')
      .refine((options) => new Set(options.map((o) => o.toLocaleLowerCase())).size === options.length, 'polls.error.duplicateOptions'),
  );
}

/** Min/max picks: 1 ≤ min ≤ max ≤ number of options; errors go on the field that is wrong. */
export function checkPicks(min: number, max: number, optionCount: number): FieldErrors {
  if (min < 1) return { min: 'polls.error.minTooSmall' };
  if (max < min) return { max: 'polls.error.maxBelowMin' };
  if (max > optionCount) return { max: 'polls.error.maxAboveOptions' };
  return {};
}

export function closesAtSchema(rules: FormRules) {
  return localDateTime(rules.timeZone).refine((d) => d === null || d.getTime() > rules.now.getTime(), 'polls.error.closeInPast');
}

/** The simple poll form (the composer's extras and the "add a poll" page). */
export function parsePollForm(form: FormInput, rules: FormRules): NewPoll {
  const schema = z.object({
    polls_title: titleField,
    polls_options: optionsSchema(rules.settings.maxOptions),
    polls_min: count(1, 'polls.error.numberInvalid'),
    polls_max: count(1, 'polls.error.numberInvalid'),
    polls_closes_at: closesAtSchema(rules),
    polls_anonymous: checkbox,
    polls_results: z.enum(resultsVisibilities, { error: 'polls.error.resultsInvalid' }).default(rules.settings.defaultResultsVisibility),
  });
  const data = parseOrThrow(schema, {
    polls_title: text(form, 'polls_title'),
    polls_options: text(form, 'polls_options'),
    polls_min: text(form, 'polls_min'),
    polls_max: text(form, 'polls_max'),
    polls_closes_at: text(form, 'polls_closes_at'),
    polls_anonymous: text(form, 'polls_anonymous') || undefined,
    polls_results: text(form, 'polls_results') || undefined,
  });
  const picks = checkPicks(data.polls_min, data.polls_max, data.polls_options.length);
  if (picks.min || picks.max) {
    throw new ValidationError(picks.min ? { polls_min: picks.min } : { polls_max: picks.max! });
  }
  if (data.polls_anonymous && !rules.settings.allowAnonymous) throw new ValidationError({ _form: 'polls.error.anonymousNotAllowed' });
  return {
    kind: 'poll',
    title: data.polls_title,
    anonymous: data.polls_anonymous,
    results: data.polls_results,
    closesAt: data.polls_closes_at,
    questions: [
      {
        kind: data.polls_max > 1 ? 'multiple' : 'single',
        prompt: data.polls_title,
        options: data.polls_options,
        min: data.polls_min,
        max: data.polls_max,
        correct: [],
      },
    ],
  };
}

/** Whether a form carries a poll at all (the composer's poll fields are optional). */
export function hasPollFields(form: FormInput): boolean {
  return text(form, 'polls_title').trim() !== '' || text(form, 'polls_options').trim() !== '';
}
