import { z } from 'zod';
import type { SettingsSchema } from './manifest.ts';

/** Stored values laid over the schema's defaults; a stored value that no longer fits falls back to its default. */
export function resolveSettings<S extends SettingsSchema>(
  schema: S | undefined,
  global: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
  overridable: readonly string[] = [],
): z.infer<S> {
  if (!schema) return {} as z.infer<S>;
  const merged: Record<string, unknown> = { ...global };
  for (const key of overridable) if (key in overrides) merged[key] = overrides[key];
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse(merged[key]);
    out[key] = parsed.success ? parsed.data : (field as z.ZodType).parse(undefined);
  }
  return out as z.infer<S>;
}

export type SettingField =
  | { key: string; kind: 'boolean'; value: boolean }
  | { key: string; kind: 'number'; value: number; min?: number; max?: number; integer: boolean }
  | { key: string; kind: 'enum'; value: string; options: string[] }
  | { key: string; kind: 'string'; value: string; maxLength?: number };

/** Describes each setting for the admin form generated from the plugin's zod schema. */
export function describeSettings(schema: SettingsSchema, values: Record<string, unknown>): SettingField[] {
  const fields: SettingField[] = [];
  for (const [key, raw] of Object.entries(schema.shape)) {
    const inner = unwrap(raw as z.ZodType);
    const value = values[key];
    if (inner instanceof z.ZodBoolean) fields.push({ key, kind: 'boolean', value: Boolean(value) });
    else if (inner instanceof z.ZodNumber) {
      fields.push({
        key,
        kind: 'number',
        value: Number(value),
        min: finite(inner.minValue),
        max: finite(inner.maxValue),
        integer: inner.isInt,
      });
    } else if (inner instanceof z.ZodEnum) {
      fields.push({ key, kind: 'enum', value: String(value), options: inner.options.map(String) });
    } else fields.push({ key, kind: 'string', value: value == null ? '' : String(value), maxLength: finite((inner as z.ZodString).maxLength ?? undefined) });
  }
  return fields;
}

/** Turns an admin form post into typed values, or zod's issues per key. */
export function parseSettingsForm(
  schema: SettingsSchema,
  form: Record<string, string>,
  keys: readonly string[] = Object.keys(schema.shape),
): { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const key of keys) {
    const raw = schema.shape[key] as z.ZodType | undefined;
    if (!raw) continue;
    const inner = unwrap(raw);
    let input: unknown = form[key];
    if (inner instanceof z.ZodBoolean) input = form[key] === 'on' || form[key] === 'true';
    else if (inner instanceof z.ZodNumber) input = form[key] === undefined || form[key] === '' ? undefined : Number(form[key]);
    const parsed = raw.safeParse(input);
    if (parsed.success) values[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? 'invalid';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}

function unwrap(type: z.ZodType): z.ZodType {
  let current: z.ZodType = type;
  for (let i = 0; i < 5; i++) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else break;
  }
  return current;
}

function finite(n: number | null | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
