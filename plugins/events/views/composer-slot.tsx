import type { FC } from 'hono/jsx';
import type { Category, ViewContext } from '../../../core/plugins/api.ts';
import { hasEventFields } from '../input/event-form.ts';
import { validTimeZone } from '../service/zoned-time.ts';
import type { EventsApi } from '../settings.ts';
import { EventFields } from './event-fields.tsx';

/**
 * The composer.extras slot: "make this an event", for new threads. The organiser's time zone travels with
 * the form because the hook that reads it has no request to ask.
 */
export function composerEvent(api: EventsApi): FC<{ vc: ViewContext; category: Category | null; mode: 'thread' | 'reply'; form?: Readonly<Record<string, string | string[]>>; errors?: Readonly<Record<string, string>> }> {
  return async function ComposerEvent({ vc, category, mode, form = {}, errors = {} }) {
    if (mode !== 'thread' || !vc.user) return null;
    if (!api.enabledIn(category?.id ?? null)) return null;
    const settings = await api.settings(category?.id ?? null);
    return (
      <details class="events-composer" open={hasEventFields(form) || undefined}>
        <summary>{vc.t('events.composer.summary')}</summary>
        <fieldset class="stack">
          <legend>{vc.t('events.composer.legend')}</legend>
          <p class="help">{vc.t('events.composer.help')}</p>
          <EventFields vc={vc} timeZone={validTimeZone(vc.user.timeZone ?? vc.site.timeZone)} form={form} errors={errors} maxOccurrences={settings.maxOccurrences} />
        </fieldset>
      </details>
    );
  };
}
