import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../http/validation.ts';
import type { ViewContext } from './view-context.ts';

export interface FieldProps {
  vc: ViewContext;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'datetime-local' | 'search';
  value?: string;
  help?: string;
  errors?: FieldErrors;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  placeholder?: string;
}

/** A labelled input with its help text and server-side error linked for screen readers. */
export const Field: FC<FieldProps> = ({ vc, name, label, type = 'text', value, help, errors, required, autocomplete, maxlength, placeholder }) => {
  const error = errors?.[name];
  const id = `f-${name}`;
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {required ? null : <span class="muted"> ({vc.t('common.optional')})</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        required={required}
        autocomplete={autocomplete}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      />
      {help ? (
        <small id={`${id}-help`} class="help">
          {help}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} class="error-text" role="alert">
          {vc.t(error)}
        </small>
      ) : null}
    </div>
  );
};

/** Form-level error (e.g. "wrong username or password"). */
export const FormError: FC<{ vc: ViewContext; errors?: FieldErrors }> = ({ vc, errors }) =>
  errors?._form ? (
    <div class="flash error" role="alert">
      {vc.t(errors._form)}
    </div>
  ) : null;

/** The form's CSRF token; nothing for guests, whose forms the Origin check protects (core/http/middleware/csrf.ts). */
export const CsrfField: FC<{ vc: ViewContext }> = ({ vc }) => (vc.csrfToken ? <input type="hidden" name="_csrf" value={vc.csrfToken} /> : null);
