import type { FC } from 'hono/jsx';
import type { FieldErrors, ViewContext } from '../../../core/plugins/api.ts';

/** The inputs core's <Field> does not cover, with the same markup: label, help, inline error. */
interface InputProps {
  vc: ViewContext;
  name: string;
  label: string;
  help?: string;
  errors?: FieldErrors;
}

const described = (id: string, help?: string, error?: string) =>
  [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

const Help: FC<{ id: string; help?: string }> = ({ id, help }) =>
  help ? (
    <small id={`${id}-help`} class="help">
      {help}
    </small>
  ) : null;

export const ErrorText: FC<{ vc: ViewContext; id: string; error?: string; params?: Record<string, string | number> }> = ({ vc, id, error, params }) =>
  error ? (
    <small id={`${id}-error`} class="error-text" role="alert">
      {vc.t(error, params)}
    </small>
  ) : null;

export const TextArea: FC<InputProps & { value?: string; required?: boolean; rows?: number }> = ({ vc, name, label, help, errors, value, required, rows }) => {
  const id = `f-${name}`;
  const error = errors?.[name];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <textarea id={id} name={name} rows={rows ?? 4} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={described(id, help, error)}>
        {value ?? ''}
      </textarea>
      <Help id={id} help={help} />
      <ErrorText vc={vc} id={id} error={error} />
    </div>
  );
};

export const Select: FC<InputProps & { value?: string; options: { value: string; label: string }[] }> = ({ vc, name, label, help, errors, value, options }) => {
  const id = `f-${name}`;
  const error = errors?.[name];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={described(id, help, error)}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={id} help={help} />
      <ErrorText vc={vc} id={id} error={error} />
    </div>
  );
};

export const Checkbox: FC<InputProps & { checked: boolean }> = ({ vc, name, label, help, errors, checked }) => {
  const id = `f-${name}`;
  const error = errors?.[name];
  return (
    <div class={`field checkbox${error ? ' has-error' : ''}`}>
      <input id={id} type="checkbox" name={name} checked={checked} aria-describedby={described(id, help, error)} />
      <label for={id}>{label}</label>
      <Help id={id} help={help} />
      <ErrorText vc={vc} id={id} error={error} />
    </div>
  );
};

export { CsrfField as Csrf } from '../../../core/plugins/api.ts';
