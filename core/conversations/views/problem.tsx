import type { FC } from 'hono/jsx';
import { UserError } from '../../http/errors.tsx';
import { ValidationError, type FieldErrors } from '../../http/validation.ts';
import type { ViewContext } from '../../ui/view-context.ts';

/** Why a form came back: per-field message keys and/or one message with parameters. */
export interface Problem {
  fields?: FieldErrors;
  message?: { key: string; params?: Record<string, string | number> };
}

/** Invalid input → 422 in the form; a refusal (403 blocked, 429 too many…) keeps its status. Others rethrow. */
export function problemOf(error: unknown): { problem: Problem; status: 403 | 422 | 429 | 400 } {
  if (error instanceof ValidationError) return { problem: { fields: error.fields }, status: 422 };
  if (error instanceof UserError && [400, 403, 422, 429].includes(error.status)) {
    return { problem: { message: { key: error.messageKey, params: error.params } }, status: error.status as 400 | 403 | 422 | 429 };
  }
  throw error;
}

export const ProblemMessage: FC<{ vc: ViewContext; problem?: Problem }> = ({ vc, problem }) => {
  const key = problem?.message?.key ?? problem?.fields?._form;
  return key ? (
    <div class="flash error" role="alert">
      {vc.t(key, problem?.message?.params)}
    </div>
  ) : null;
};

export const FieldError: FC<{ vc: ViewContext; id: string; error?: string }> = ({ vc, id, error }) =>
  error ? (
    <small id={`${id}-error`} class="error-text" role="alert">
      {vc.t(error)}
    </small>
  ) : null;
