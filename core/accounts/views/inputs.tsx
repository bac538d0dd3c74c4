import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';

interface BaseProps {
  vc: ViewContext;
  name: string;
  label: string;
  help?: string;
  errors?: FieldErrors;
}

function described(name: string, help?: string, error?: string): string | undefined {
  return [help ? `f-${name}-help` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** Help and error lines under a control, linked to it like <Field> does. */
const Notes: FC<BaseProps> = ({ vc, name, help, errors }) => (
  <>
    {help ? <small id={`f-${name}-help`} class="help">{help}</small> : null}
    {errors?.[name] ? <small id={`f-${name}-error`} class="error-text" role="alert">{vc.t(errors[name]!)}</small> : null}
  </>
);

export const TextArea: FC<BaseProps & { value?: string; maxlength?: number }> = (props) => {
  const error = props.errors?.[props.name];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={`f-${props.name}`}>{props.label}</label>
      <textarea id={`f-${props.name}`} name={props.name} rows={5} maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described(props.name, props.help, error)}>
        {props.value ?? ''}
      </textarea>
      <Notes {...props} />
    </div>
  );
};

export const Choice: FC<BaseProps & { value: string; options: { value: string; label: string }[] }> = (props) => {
  const error = props.errors?.[props.name];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={described(props.name, props.help, error)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes {...props} />
    </div>
  );
};
