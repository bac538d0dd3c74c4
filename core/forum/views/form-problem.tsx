import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';

/** Why a form came back: per-field message keys, and a form-level message (a plugin's refusal has params). */
export interface FormProblem {
  fields?: FieldErrors;
  message?: { key: string; params?: Record<string, string | number> };
}

export const ProblemMessage: FC<{ vc: ViewContext; problem?: FormProblem }> = ({ vc, problem }) => {
  const key = problem?.message?.key ?? problem?.fields?._form;
  if (!key) return null;
  return (
    <div class="flash error" role="alert">
      {vc.t(key, problem?.message?.params)}
    </div>
  );
};

export const FieldError: FC<{ vc: ViewContext; id: string; error?: string }> = ({ vc, id, error }) =>
  error ? (
    <small id={`${id}-error`} class="error-text" role="alert">
      {vc.t(error)}
    </small>
  ) : null;
