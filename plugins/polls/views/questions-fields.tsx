import type { FC } from 'hono/jsx';
import { Field, type FieldErrors, type ViewContext } from '../../../core/plugins/api.ts';
import { questionField } from '../input/questions-form.ts';
import type { PollsSettings } from '../settings.ts';
import { Checkbox, Select, TextArea } from './inputs.tsx';

export interface QuestionsFieldsProps {
  vc: ViewContext;
  kind: 'survey' | 'quiz';
  settings: PollsSettings;
  count: number;
  form: Record<string, string>;
  errors?: FieldErrors;
}

const QuestionBlock: FC<Omit<QuestionsFieldsProps, 'count'> & { n: number }> = ({ vc, kind, settings, n, form, errors }) => {
  const kinds = kind === 'quiz' ? ['single', 'multiple'] : ['single', 'multiple', 'text'];
  return (
    <fieldset class="polls-question-fields stack">
      <legend>{vc.t('polls.form.questionN', { n })}</legend>
      <Field vc={vc} name={questionField(n, 'prompt')} label={vc.t('polls.form.prompt')} value={form[questionField(n, 'prompt')]} errors={errors} maxlength={300} />
      <Select
        vc={vc}
        name={questionField(n, 'kind')}
        label={vc.t('polls.form.kind')}
        value={form[questionField(n, 'kind')] ?? 'single'}
        errors={errors}
        options={kinds.map((k) => ({ value: k, label: vc.t(`polls.questionKind.${k}`) }))}
      />
      <TextArea
        vc={vc}
        name={questionField(n, 'options')}
        label={vc.t('polls.form.options')}
        help={vc.t(kind === 'quiz' ? 'polls.form.optionsHelp' : 'polls.form.optionsHelpSurvey', { max: settings.maxOptions })}
        value={form[questionField(n, 'options')]}
        errors={errors}
      />
      <div class="polls-row">
        <Field vc={vc} type="number" name={questionField(n, 'min')} label={vc.t('polls.form.min')} value={form[questionField(n, 'min')]} errors={errors} help={vc.t('polls.form.multipleOnly')} />
        <Field vc={vc} type="number" name={questionField(n, 'max')} label={vc.t('polls.form.max')} value={form[questionField(n, 'max')]} errors={errors} help={vc.t('polls.form.multipleOnly')} />
      </div>
      {kind === 'quiz' ? (
        <Field vc={vc} name={questionField(n, 'correct')} label={vc.t('polls.form.correct')} value={form[questionField(n, 'correct')]} errors={errors} help={vc.t('polls.form.correctHelp')} maxlength={100} />
      ) : null}
    </fieldset>
  );
};

/**
 * A survey or quiz: its title, question blocks and closing time. "Add a question" posts the form back
 * with one block more, so it works without JavaScript.
 */
export const QuestionsFields: FC<QuestionsFieldsProps> = (props) => {
  const { vc, kind, settings, form, errors } = props;
  return (
    <>
      <Field vc={vc} name="polls_title" label={vc.t(`polls.form.title.${kind}`)} value={form.polls_title} errors={errors} required maxlength={200} />
      <input type="hidden" name="polls_questions" value={String(props.count)} />
      {Array.from({ length: props.count }, (_, i) => (
        <QuestionBlock {...props} n={i + 1} />
      ))}
      <Field vc={vc} type="datetime-local" name="polls_closes_at" label={vc.t('polls.form.closesAt')} value={form.polls_closes_at} errors={errors} help={vc.t('polls.form.closesAtHelp')} />
      {kind === 'survey' && settings.allowAnonymous ? (
        <Checkbox vc={vc} name="polls_anonymous" label={vc.t('polls.form.anonymousSurvey')} help={vc.t('polls.form.anonymousHelp')} errors={errors} checked={form.polls_anonymous === 'on'} />
      ) : null}
    </>
  );
};
