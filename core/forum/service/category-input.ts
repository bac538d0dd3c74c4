import { z } from 'zod';
import { accessLevelEnum } from '../schema.ts';

const accessLevel = z.enum(accessLevelEnum.enumValues, { error: 'forum.category.access.invalid' });

/** Empty form fields mean "none"; code may pass numbers or null directly. */
const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.coerce.number({ error: 'forum.category.parent.invalid' }).int().positive('forum.category.parent.invalid').nullable(),
);

/** Strict so that a colour can go into the generated stylesheet without any escaping. */
export const colorPattern = /^#[0-9a-f]{6}$/i;

export const categoryInputSchema = z.object({
  name: z.string().trim().min(1, 'forum.category.name.required').max(60, 'forum.category.name.long'),
  slug: z.string().trim().max(60, 'forum.category.slug.long').default(''),
  description: z.string().trim().max(500, 'forum.category.description.long').default(''),
  color: z
    .string()
    .trim()
    .regex(colorPattern, 'forum.category.color.invalid')
    .transform((v) => v.toLowerCase())
    .default('#3b82f6'),
  parentId: optionalId.default(null),
  readAccess: accessLevel.default('everyone'),
  startAccess: accessLevel.default('member'),
  replyAccess: accessLevel.default('member'),
});

export type CategoryInput = z.input<typeof categoryInputSchema>;
export type CategoryData = z.output<typeof categoryInputSchema>;
