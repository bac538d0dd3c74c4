import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import { FormError } from '../../ui/form.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { abilities, type TrustSettings } from '../settings.ts';

export const thresholdFields = ['daysVisited', 'postsRead', 'readMinutes', 'likesGiven', 'likesReceived', 'posts', 'maxFlagsAgainst'] as const;

/** Values come either from the stored settings or, after a refusal, from the flat form as submitted. */
function valueOf(values: TrustSettings | Record<string, string>, name: string): string {
  if (!('thresholds' in values) || typeof values.thresholds !== 'object') return (values as Record<string, string>)[name] ?? '';
  const s = values as TrustSettings;
  const [head, tail] = name.split('.') as [string, string | undefined];
  if (/^t[1-4]$/.test(head) && tail) return String(s.thresholds[Number(head.slice(1)) - 1]?.[tail as (typeof thresholdFields)[number]] ?? '');
  if (head === 'ability' && tail) return String(s.abilityLevels[tail as (typeof abilities)[number]]);
  if (head === 'weight' && tail) return String(s.reportWeights[Number(tail)] ?? '');
  return String((s as unknown as Record<string, unknown>)[head] ?? '');
}

const NumberInput: FC<{ name: string; value: string; label: string }> = ({ name, value, label }) => (
  <input type="number" min={0} name={name} id={`f-${name}`} value={value} aria-label={label} class="short" />
);

export const TrustSettingsForm: FC<{ vc: ViewContext; values: TrustSettings | Record<string, string>; errors: FieldErrors }> = ({ vc, values, errors }) => {
  const { t } = vc;
  return (
    <form method="post" action="/admin/trust" class="stack">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <FormError vc={vc} errors={errors} />
      <p class="muted">{t('trust.admin.intro')}</p>
      <table class="data-table trust-thresholds">
        <thead>
          <tr>
            <th></th>
            {[1, 2, 3, 4].map((l) => (
              <th>{t(`trust.level.${l}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {thresholdFields.map((f) => (
            <tr>
              <th scope="row">{t(`trust.stat.${f}`)}</th>
              {[1, 2, 3, 4].map((l) => (
                <td>
                  <NumberInput name={`t${l}.${f}`} value={valueOf(values, `t${l}.${f}`)} label={`${t(`trust.level.${l}`)} ${t(`trust.stat.${f}`)}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>{t('trust.admin.abilities')}</legend>
        {abilities.map((a) => (
          <div class="field">
            <label for={`f-ability.${a}`}>{t(`trust.ability.${a}`)}</label>
            <select id={`f-ability.${a}`} name={`ability.${a}`}>
              {[0, 1, 2, 3, 4].map((l) => (
                <option value={String(l)} selected={valueOf(values, `ability.${a}`) === String(l)}>
                  {t(`trust.level.${l}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div class="field">
          <label for="f-limitedLinks">{t('trust.admin.limitedLinks')}</label>
          <NumberInput name="limitedLinks" value={valueOf(values, 'limitedLinks')} label={t('trust.admin.limitedLinks')} />
        </div>
        <div class="field">
          <label for="f-limitedImages">{t('trust.admin.limitedImages')}</label>
          <NumberInput name="limitedImages" value={valueOf(values, 'limitedImages')} label={t('trust.admin.limitedImages')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('trust.admin.weights')}</legend>
        {[0, 1, 2, 3, 4].map((l) => (
          <label class="inline-field">
            {t(`trust.level.${l}`)} <NumberInput name={`weight.${l}`} value={valueOf(values, `weight.${l}`)} label={t(`trust.level.${l}`)} />
          </label>
        ))}
        <label class="inline-field">
          {t('trust.admin.staffWeight')} <NumberInput name="staffReportWeight" value={valueOf(values, 'staffReportWeight')} label={t('trust.admin.staffWeight')} />
        </label>
      </fieldset>
      <button type="submit" class="button primary">
        {t('common.save')}
      </button>
    </form>
  );
};
