import type { FC } from 'hono/jsx';
import { CsrfField, Field, type Category, type FieldErrors, type ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { conditions, listingKinds, serviceTypes } from '../schema.ts';
import { currencies, MAX_PHOTOS } from '../settings.ts';

export interface ListingFormProps {
  vc: ViewContext;
  category: Category;
  form: Record<string, string>;
  errors?: FieldErrors;
  /** An already-translated message (e.g. a refused photo). */
  problem?: string;
  defaultCurrency: string;
  maxSize: string;
  active: { count: number; max: number } | null;
}

const ErrorText: FC<{ vc: ViewContext; id: string; error?: string }> = ({ vc, id, error }) =>
  error ? (
    <small id={`${id}-error`} class="error-text" role="alert">
      {vc.t(error, { max: MAX_PHOTOS })}
    </small>
  ) : null;

const Choice: FC<{ vc: ViewContext; name: string; label: string; value: string; errors?: FieldErrors; help?: string; options: { value: string; label: string }[] }> = ({
  vc,
  name,
  label,
  value,
  errors,
  help,
  options,
}) => {
  const id = `f-${name}`;
  const error = errors?.[name];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={help ? `${id}-help` : undefined}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      {help ? (
        <small id={`${id}-help`} class="help">
          {help}
        </small>
      ) : null}
      <ErrorText vc={vc} id={id} error={error} />
    </div>
  );
};

/** The new-listing form: a plain multipart form, photos included, that works without JavaScript. */
export const ListingForm: FC<ListingFormProps> = ({ vc, category, form, errors, problem, defaultCurrency, maxSize, active }) => (
  <section class="stack mk-form-page">
    <h1>{vc.t('marketplace.form.title', { category: category.name })}</h1>
    {active ? <p class="muted">{vc.t('marketplace.form.activeLimit', active)}</p> : null}
    {problem ? (
      <div class="flash error" role="alert">
        {problem}
      </div>
    ) : null}
    {errors?._form ? (
      <div class="flash error" role="alert">
        {vc.t(errors._form)}
      </div>
    ) : null}
    <form method="post" action={paths.create(category.id)} enctype="multipart/form-data" class="stack mk-form">
      <CsrfField vc={vc} />
      <Choice
        vc={vc}
        name="kind"
        label={vc.t('marketplace.form.kind')}
        value={form.kind ?? 'sell'}
        errors={errors}
        options={listingKinds.map((k) => ({ value: k, label: vc.t(`marketplace.kind.${k}`) }))}
      />
      <Field vc={vc} name="title" label={vc.t('marketplace.form.heading')} value={form.title} errors={errors} required maxlength={200} />
      <Choice
        vc={vc}
        name="serviceType"
        label={vc.t('marketplace.form.serviceType')}
        value={form.serviceType ?? ''}
        errors={errors}
        help={vc.t('marketplace.form.serviceTypeHelp')}
        options={[{ value: '', label: '—' }, ...serviceTypes.map((s) => ({ value: s, label: vc.t(`marketplace.service.${s}`) }))]}
      />
      <div class="mk-price-fields">
        <Field vc={vc} name="price" label={vc.t('marketplace.form.price')} value={form.price} errors={errors} help={vc.t('marketplace.form.priceHelp')} maxlength={15} />
        <Choice
          vc={vc}
          name="currency"
          label={vc.t('marketplace.form.currency')}
          value={form.currency ?? defaultCurrency}
          errors={errors}
          options={currencies.map((c) => ({ value: c, label: c }))}
        />
      </div>
      <Choice
        vc={vc}
        name="condition"
        label={vc.t('marketplace.form.condition')}
        value={form.condition ?? ''}
        errors={errors}
        options={[{ value: '', label: vc.t('marketplace.form.conditionNone') }, ...conditions.map((c) => ({ value: c, label: vc.t(`marketplace.condition.${c}`) }))]}
      />
      <Field vc={vc} name="location" label={vc.t('marketplace.form.location')} value={form.location} errors={errors} help={vc.t('marketplace.form.locationHelp')} maxlength={120} />
      <div class={`field${errors?.raw ? ' has-error' : ''}`}>
        <label for="f-raw">{vc.t('marketplace.form.description')}</label>
        <textarea id="f-raw" name="raw" required rows={8} aria-describedby="f-raw-help" aria-invalid={errors?.raw ? 'true' : undefined}>
          {form.raw ?? ''}
        </textarea>
        <small id="f-raw-help" class="help">
          {vc.t('marketplace.form.descriptionHelp')}
        </small>
        <ErrorText vc={vc} id="f-raw" error={errors?.raw} />
      </div>
      <div class={`field${errors?.photos ? ' has-error' : ''}`}>
        <label for="f-photos">{vc.t('marketplace.form.photos')}</label>
        <input id="f-photos" type="file" name="photos" multiple accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="f-photos-help" />
        <small id="f-photos-help" class="help">
          {vc.t('marketplace.form.photosHelp', { max: MAX_PHOTOS, size: maxSize })}
        </small>
        <ErrorText vc={vc} id="f-photos" error={errors?.photos} />
      </div>
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('marketplace.form.submit')}
        </button>
      </div>
    </form>
  </section>
);
