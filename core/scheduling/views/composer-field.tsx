import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { PUBLISH_AT_FIELD } from '../filter.ts';

/** The staff-only composer field: publish at a date and time in the forum's time zone (运营日历). */
export const PublishAtField: FC<{ vc: ViewContext; value: string }> = ({ vc, value }) => (
  <div class="field schedule-field">
    <label for="f-publishAt">
      {vc.t('scheduling.field')} <span class="muted">({vc.t('common.optional')})</span>
    </label>
    <input id="f-publishAt" name={PUBLISH_AT_FIELD} type="datetime-local" value={value} aria-describedby="f-publishAt-help" />
    <small id="f-publishAt-help" class="help">
      {vc.t('scheduling.field.help', { zone: vc.site.timeZone })}
    </small>
  </div>
);
