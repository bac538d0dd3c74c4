import type { FC } from 'hono/jsx';
import { Field, FormError, type FieldErrors, type ScopedThread, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { resultsVisibilities, type Poll } from '../schema.ts';
import { Csrf, Select } from './inputs.tsx';

/** Title, closing time and (polls) results mode; questions and options cannot change once people answer. */
export const EditPage: FC<{ vc: ViewContext; thread: ScopedThread; poll: Poll; form: Record<string, string>; errors?: FieldErrors }> = ({ vc, thread, poll, form, errors }) => (
  <section class="polls-edit stack">
    <h1>{vc.t('polls.edit.heading', { title: poll.title })}</h1>
    <form method="post" action={paths.edit(thread.id, poll.id)} class="stack polls-form">
      <Csrf vc={vc} />
      <FormError vc={vc} errors={errors} />
      <Field vc={vc} name="polls_title" label={vc.t(poll.kind === 'poll' ? 'polls.form.question' : `polls.form.title.${poll.kind}`)} value={form.polls_title} errors={errors} required maxlength={200} />
      <Field vc={vc} type="datetime-local" name="polls_closes_at" label={vc.t('polls.form.closesAt')} value={form.polls_closes_at} errors={errors} help={vc.t('polls.form.closesAtHelp')} />
      {poll.kind === 'poll' ? (
        <Select
          vc={vc}
          name="polls_results"
          label={vc.t('polls.form.results')}
          value={form.polls_results}
          errors={errors}
          options={resultsVisibilities.map((v) => ({ value: v, label: vc.t(`polls.results.${v}`) }))}
        />
      ) : null}
      <p class="help">{vc.t('polls.edit.help')}</p>
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('polls.edit.submit')}
        </button>
        <a href={paths.pollAnchor(thread.id, poll.id)}>{vc.t('polls.cancel')}</a>
      </div>
    </form>
  </section>
);
