import { UserError } from '../../http/errors.tsx';
import { ValidationError } from '../../http/validation.ts';
import { HookRejection } from '../../plugins/hooks.ts';
import type { FormProblem } from '../views/form-problem.tsx';
import type { Status } from './context.ts';

/**
 * Turns what a write refused into something to show inside the form: invalid fields and plugin
 * refusals are 422, a refusal by permission keeps its status. Anything else is rethrown.
 */
export function formProblem(error: unknown): { problem: FormProblem; status: Status } {
  if (error instanceof ValidationError) return { problem: { fields: error.fields }, status: 422 };
  if (error instanceof HookRejection) return { problem: { message: { key: error.messageKey, params: error.params } }, status: 422 };
  if (error instanceof UserError && error.status !== 404) {
    return { problem: { message: { key: error.messageKey, params: error.params } }, status: error.status as Status };
  }
  throw error;
}
