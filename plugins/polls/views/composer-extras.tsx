import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import type { PollsSettings } from '../settings.ts';
import { PollFields } from './poll-fields.tsx';

/**
 * The composer's optional poll. The viewer's time zone travels with the form because the hook that
 * reads it has no request to ask (see README: an API gap).
 */
export const ComposerExtras: FC<{ vc: ViewContext; settings: PollsSettings; timeZone: string }> = ({ vc, settings, timeZone }) => (
  <details class="polls-composer">
    <summary>{vc.t('polls.composer.summary')}</summary>
    <fieldset class="stack">
      <legend>{vc.t('polls.composer.legend')}</legend>
      <p class="help">{vc.t('polls.composer.help')}</p>
      <input type="hidden" name="polls_tz" value={timeZone} />
      <PollFields vc={vc} settings={settings} form={{}} optional />
    </fieldset>
  </details>
);
