import type { FC } from 'hono/jsx';
import { Field, type FieldErrors, type ViewContext } from '../../../core/plugins/api.ts';
import { resultsVisibilities } from '../schema.ts';
import type { PollsSettings } from '../settings.ts';
import { Checkbox, Select, TextArea } from './inputs.tsx';

export interface PollFieldsProps {
  vc: ViewContext;
  settings: PollsSettings;
  /** Submitted values, to fill the form again after an error. */
  form: Record<string, string>;
  errors?: FieldErrors;
  /** The composer's poll is optional, so its question is too. */
  optional?: boolean;
}

/** The fields of a simple poll, shared by the composer and the "add a poll" page. */
export const PollFields: FC<PollFieldsProps> = ({ vc, settings, form, errors, optional }) => (
  <>
    <Field vc={vc} name="polls_title" label={vc.t('polls.form.question')} value={form.polls_title} errors={errors} required={!optional} maxlength={200} />
    <TextArea
      vc={vc}
      name="polls_options"
      label={vc.t('polls.form.options')}
      help={vc.t('polls.form.optionsHelp', { max: settings.maxOptions })}
      value={form.polls_options}
      errors={errors}
      rows={5}
    />
    <div class="polls-row">
      <Field vc={vc} type="number" name="polls_min" label={vc.t('polls.form.min')} value={form.polls_min ?? '1'} errors={errors} required />
      <Field vc={vc} type="number" name="polls_max" label={vc.t('polls.form.max')} value={form.polls_max ?? '1'} errors={errors} required help={vc.t('polls.form.maxHelp')} />
    </div>
    <Field vc={vc} type="datetime-local" name="polls_closes_at" label={vc.t('polls.form.closesAt')} value={form.polls_closes_at} errors={errors} help={vc.t('polls.form.closesAtHelp')} />
    <Select
      vc={vc}
      name="polls_results"
      label={vc.t('polls.form.results')}
      value={form.polls_results ?? settings.defaultResultsVisibility}
      errors={errors}
      options={resultsVisibilities.map((v) => ({ value: v, label: vc.t(`polls.results.${v}`) }))}
    />
    {settings.allowAnonymous ? (
      <Checkbox vc={vc} name="polls_anonymous" label={vc.t('polls.form.anonymous')} help={vc.t('polls.form.anonymousHelp')} errors={errors} checked={form.polls_anonymous === 'on'} />
    ) : null}
  </>
);
