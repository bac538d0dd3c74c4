import type { FC } from 'hono/jsx';
import { FormError, type FieldErrors, type ScopedThread, type ViewContext } from '../../../core/plugins/api.ts';
import { MAX_QUESTIONS } from '../input/questions-form.ts';
import { createKinds, paths, type CreateKind } from '../paths.ts';
import type { Poll } from '../schema.ts';
import type { PollsSettings } from '../settings.ts';
import { GiveawayFields } from './giveaway-fields.tsx';
import { Csrf } from './inputs.tsx';
import { PollFields } from './poll-fields.tsx';
import { QuestionsFields } from './questions-fields.tsx';

export interface CreatePageProps {
  vc: ViewContext;
  thread: ScopedThread;
  kind: CreateKind;
  settings: PollsSettings;
  form: Record<string, string>;
  errors?: FieldErrors;
  questionCount: number;
  publicPolls: Pick<Poll, 'id' | 'title'>[];
}

/** "Add a poll / survey / quiz / giveaway" to a thread: one tab per kind, one form each. */
export const CreatePage: FC<CreatePageProps> = ({ vc, thread, kind, settings, form, errors, questionCount, publicPolls }) => (
  <section class="polls-create stack">
    <h1>{vc.t(`polls.create.${kind}`)}</h1>
    <p class="muted">
      {vc.t('polls.create.inThread')} <a href={paths.thread(thread.id)}>{thread.title}</a>
    </p>
    <nav class="tabs" aria-label={vc.t('polls.create.kinds')}>
      {createKinds.map((k) => (
        <a href={paths.create(thread.id, k)} aria-current={k === kind ? 'page' : undefined}>
          {vc.t(`polls.kind.${k}`)}
        </a>
      ))}
    </nav>
    <form method="post" action={paths.create(thread.id)} class="stack polls-form">
      <Csrf vc={vc} />
      <input type="hidden" name="polls_kind" value={kind} />
      <FormError vc={vc} errors={errors} />
      {kind === 'poll' ? <PollFields vc={vc} settings={settings} form={form} errors={errors} /> : null}
      {kind === 'survey' || kind === 'quiz' ? (
        <QuestionsFields vc={vc} kind={kind} settings={settings} form={form} errors={errors} count={questionCount} />
      ) : null}
      {kind === 'giveaway' ? <GiveawayFields vc={vc} settings={settings} polls={publicPolls} form={form} errors={errors} /> : null}
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('polls.create.submit')}
        </button>
        {(kind === 'survey' || kind === 'quiz') && questionCount < MAX_QUESTIONS ? (
          <button type="submit" name="polls_action" value="addQuestion" formnovalidate>
            {vc.t('polls.create.addQuestion')}
          </button>
        ) : null}
        <a href={paths.thread(thread.id)}>{vc.t('polls.cancel')}</a>
      </div>
    </form>
  </section>
);
