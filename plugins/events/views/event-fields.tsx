import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { fields, text, type FormInput } from '../input/event-form.ts';
import { Input } from './inputs.tsx';

/** The event fields of the composer; `form` refills them after a refusal. */
export const EventFields: FC<{ vc: ViewContext; timeZone: string; form: FormInput; errors: Readonly<Record<string, string>>; maxOccurrences: number; editing?: boolean }> = ({
  vc,
  timeZone,
  form,
  errors,
  maxOccurrences,
  editing = false,
}) => {
  const value = (name: string) => text(form, name);
  const repeat = value(fields.repeat) || 'none';
  return (
    <>
      <input type="hidden" name={fields.timeZone} value={timeZone} />
      <p class="help">{vc.t('events.form.timeZone', { zone: timeZone })}</p>
      <div class="events-form-row">
        <Input vc={vc} name={fields.starts} type="datetime-local" label={vc.t('events.form.starts')} value={value(fields.starts)} error={errors[fields.starts]} />
        <Input vc={vc} name={fields.ends} type="datetime-local" label={vc.t('events.form.ends')} value={value(fields.ends)} error={errors[fields.ends]} />
      </div>
      <Input vc={vc} name={fields.onlineUrl} type="url" label={vc.t('events.form.onlineUrl')} value={value(fields.onlineUrl)} error={errors[fields.onlineUrl]} help={vc.t('events.form.placeHelp')} />
      <Input vc={vc} name={fields.venue} label={vc.t('events.form.venue')} value={value(fields.venue)} error={errors[fields.venue]} />
      <div class="events-form-row">
        <Input vc={vc} name={fields.capacity} type="number" inputmode="numeric" min="1" label={vc.t('events.form.capacity')} value={value(fields.capacity)} error={errors[fields.capacity]} />
        <Input vc={vc} name={fields.deadline} type="datetime-local" label={vc.t('events.form.deadline')} value={value(fields.deadline)} error={errors[fields.deadline]} />
      </div>
      {editing ? null : (
      <div class="events-form-row">
        <div class="field">
          <label for={fields.repeat}>{vc.t('events.form.repeat')}</label>
          <select id={fields.repeat} name={fields.repeat}>
            {(['none', 'weekly', 'monthly'] as const).map((kind) => (
              <option value={kind} selected={repeat === kind}>
                {vc.t(`events.form.repeat.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <Input
          vc={vc}
          name={fields.repeatCount}
          type="number"
          inputmode="numeric"
          min="2"
          label={vc.t('events.form.repeatCount')}
          value={value(fields.repeatCount)}
          error={errors[fields.repeatCount]}
          help={`2–${maxOccurrences}`}
        />
      </div>
      )}
      {editing ? null : <Input vc={vc} name={fields.organisers} label={vc.t('events.form.organisers')} value={value(fields.organisers)} error={errors[fields.organisers]} />}
    </>
  );
};
