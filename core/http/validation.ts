import type { Context } from 'hono';
import type { z } from 'zod';

/** Field name → i18n key of what is wrong with it. */
export type FieldErrors = Record<string, string>;

/** Thrown by services when input breaks a rule; routes re-render the form with the messages inline. */
export class ValidationError extends Error {
  constructor(readonly fields: FieldErrors) {
    super(`invalid: ${Object.keys(fields).join(', ')}`);
    this.name = 'ValidationError';
  }
}

/** Schemas use i18n keys as their messages; this turns zod's issues into one key per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    out[field] ??= issue.message.includes('.') && !issue.message.includes(' ') ? issue.message : 'validation.invalid';
  }
  return out;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}

/** Form bodies: strings only (files and repeated fields are handled by the routes that expect them). */
export function formStrings(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Postgres unique violation, on either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = (error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown }) ?? {};
  if (e.code === '23505') {
    return !constraint || e.constraint_name === constraint || e.constraint === constraint;
  }
  return e.cause !== undefined && e.cause !== error && isUniqueViolation(e.cause, constraint);
}

/** Every submitted field, repeated ones (checkboxes, multi-selects) as arrays; uploads dropped. */
export async function formValues(c: Context): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}
