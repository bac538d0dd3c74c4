import { z } from 'zod';
import { parseLocalDateTime } from '../service/zoned-time.ts';

/** A submitted form as routes and hook contexts hand it over: repeated fields arrive as arrays. */
export type FormInput = Readonly<Record<string, string | string[] | undefined>>;

export function text(form: FormInput, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function all(form: FormInput, name: string): string[] {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** An optional whole number field: empty means the default. */
export function count(fallback: number, error: string) {
  return z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : Number(v)),
    z.number({ error }).int(error).min(0, error).max(1000, error),
  );
}

/** One entry per non-empty line, trimmed. */
export const lines = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );

/** A datetime-local field read in the viewer's zone; empty is null. */
export function localDateTime(timeZone: string, error = 'polls.error.dateInvalid') {
  return z
    .string()
    .default('')
    .transform((value, ctx) => {
      if (value.trim() === '') return null;
      const date = parseLocalDateTime(value, timeZone);
      if (!date) {
        ctx.addIssue({ code: 'custom', message: error });
        return z.NEVER;
      }
      return date;
    });
}

export const titleField = z
  .string()
  .default('')
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'polls.error.titleRequired').max(200, 'polls.error.titleTooLong'));
