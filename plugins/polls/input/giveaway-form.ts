import { z } from 'zod';
import { parseOrThrow, ValidationError } from '../../../core/plugins/api.ts';
import { giveawayRules, type GiveawayRule } from '../schema.ts';
import { count, localDateTime, text, titleField, type FormInput } from './fields.ts';
import type { FormRules } from './poll-form.ts';

export interface NewGiveaway {
  title: string;
  winnerCount: number;
  rule: GiveawayRule;
  pollId: number | null;
  registeredBefore: Date | null;
  drawAt: Date | null;
}

export function parseGiveawayForm(form: FormInput, rules: FormRules): NewGiveaway {
  const schema = z.object({
    polls_title: titleField,
    polls_winners: count(1, 'polls.error.winnersInvalid').pipe(
      z.number().min(1, 'polls.error.winnersInvalid').max(rules.settings.giveawayMaxWinners, 'polls.error.winnersTooMany'),
    ),
    polls_rule: z.enum(giveawayRules, { error: 'polls.error.ruleInvalid' }),
    polls_poll: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().nullable()),
    polls_registered_before: localDateTime(rules.timeZone),
    polls_draw_at: localDateTime(rules.timeZone).refine((d) => d === null || d.getTime() > rules.now.getTime(), 'polls.error.drawInPast'),
  });
  const data = parseOrThrow(schema, {
    polls_title: text(form, 'polls_title'),
    polls_winners: text(form, 'polls_winners'),
    polls_rule: text(form, 'polls_rule'),
    polls_poll: text(form, 'polls_poll'),
    polls_registered_before: text(form, 'polls_registered_before'),
    polls_draw_at: text(form, 'polls_draw_at'),
  });
  if (data.polls_rule === 'voted' && data.polls_poll === null) throw new ValidationError({ polls_poll: 'polls.error.pollRequired' });
  if (data.polls_rule === 'registered' && data.polls_registered_before === null) {
    throw new ValidationError({ polls_registered_before: 'polls.error.cutoffRequired' });
  }
  return {
    title: data.polls_title,
    winnerCount: data.polls_winners,
    rule: data.polls_rule,
    pollId: data.polls_rule === 'voted' ? data.polls_poll : null,
    registeredBefore: data.polls_registered_before,
    drawAt: data.polls_draw_at,
  };
}
