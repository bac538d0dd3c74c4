import type { FC } from 'hono/jsx';
import { Field, type FieldErrors, type ViewContext } from '../../../core/plugins/api.ts';
import { giveawayRules, type Poll } from '../schema.ts';
import type { PollsSettings } from '../settings.ts';
import { Select } from './inputs.tsx';

export interface GiveawayFieldsProps {
  vc: ViewContext;
  settings: PollsSettings;
  /** Public polls of the thread: their voters may be the eligible ones. */
  polls: Pick<Poll, 'id' | 'title'>[];
  form: Record<string, string>;
  errors?: FieldErrors;
}

export const GiveawayFields: FC<GiveawayFieldsProps> = ({ vc, settings, polls, form, errors }) => (
  <>
    <Field vc={vc} name="polls_title" label={vc.t('polls.giveaway.prize')} value={form.polls_title} errors={errors} required maxlength={200} />
    <Field
      vc={vc}
      type="number"
      name="polls_winners"
      label={vc.t('polls.giveaway.winners')}
      value={form.polls_winners ?? '1'}
      errors={errors}
      required
      help={vc.t('polls.giveaway.winnersHelp', { max: settings.giveawayMaxWinners })}
    />
    <Select
      vc={vc}
      name="polls_rule"
      label={vc.t('polls.giveaway.rule')}
      value={form.polls_rule ?? 'replied'}
      errors={errors}
      options={giveawayRules.map((r) => ({ value: r, label: vc.t(`polls.giveaway.rule.${r}`) }))}
    />
    <Select
      vc={vc}
      name="polls_poll"
      label={vc.t('polls.giveaway.poll')}
      value={form.polls_poll ?? ''}
      errors={errors}
      help={vc.t('polls.giveaway.pollHelp')}
      options={[{ value: '', label: vc.t('polls.giveaway.noPoll') }, ...polls.map((p) => ({ value: String(p.id), label: p.title }))]}
    />
    <Field
      vc={vc}
      type="datetime-local"
      name="polls_registered_before"
      label={vc.t('polls.giveaway.registeredBefore')}
      value={form.polls_registered_before}
      errors={errors}
      help={vc.t('polls.giveaway.registeredBeforeHelp')}
    />
    <Field vc={vc} type="datetime-local" name="polls_draw_at" label={vc.t('polls.giveaway.drawAt')} value={form.polls_draw_at} errors={errors} help={vc.t('polls.giveaway.drawAtHelp')} />
  </>
);
