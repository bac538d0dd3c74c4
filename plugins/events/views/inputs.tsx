import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';

export { CsrfField as Csrf } from '../../../core/plugins/api.ts';

/** A labelled input with help and an inline error, in the markup core's forms use. */
export const Input: FC<{
  vc: ViewContext;
  name: string;
  label: string;
  type?: string;
  value?: string;
  help?: string;
  error?: string;
  params?: Record<string, string | number>;
  inputmode?: 'numeric' | 'text' | 'url';
  min?: string;
}> = ({ vc, name, label, type = 'text', value, help, error, params, inputmode, min }) => {
  const describedBy = [help ? `${name}-help` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={name}>{label}</label>
      <input id={name} name={name} type={type} value={value ?? ''} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} inputmode={inputmode} min={min} />
      {help ? (
        <small id={`${name}-help`} class="help">
          {help}
        </small>
      ) : null}
      {error ? (
        <small id={`${name}-error`} class="error-text" role="alert">
          {vc.t(error, params)}
        </small>
      ) : null}
    </div>
  );
};
