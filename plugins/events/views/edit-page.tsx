import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import type { FormInput } from '../input/event-form.ts';
import { paths } from '../paths.ts';
import type { EventView } from '../service/load-events.ts';
import { EventFields } from './event-fields.tsx';
import { Csrf } from './inputs.tsx';

/** Editing one occurrence: times (in the zone it was entered in), place, capacity, deadline. */
export const EditPage: FC<{ vc: ViewContext; threadId: number; title: string; view: EventView; form: FormInput; errors: Record<string, string>; timeZone: string }> = ({
  vc,
  threadId,
  title,
  view,
  form,
  errors,
  timeZone,
}) => (
  <div class="stack">
    <p>
      <a href={paths.anchor(threadId, view.event.id)}>{vc.t('events.backToThread', { title })}</a>
    </p>
    <h1>{vc.t('events.edit.title', { title })}</h1>
    {Object.keys(errors).length ? (
      <div class="flash error" role="alert">
        {vc.t('events.edit.problems')}
      </div>
    ) : null}
    <form method="post" action={paths.edit(threadId, view.event.id)} class="stack">
      <Csrf vc={vc} />
      <EventFields vc={vc} timeZone={timeZone} form={form} errors={errors} maxOccurrences={0} editing />
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('events.edit.submit')}
        </button>
      </div>
    </form>
  </div>
);
