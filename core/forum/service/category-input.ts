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

/** Trust level 0–4 (core/trust). */
const trustLevel = z.coerce.number({ error: 'trust.settings.level' }).int('trust.settings.level').min(0, 'trust.settings.level').max(4, 'trust.settings.level');

/** Group ids (core/groups), from a form as "1,2" or from code as numbers. */
const groupIds = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter((s) => s.trim() !== '').map(Number) : v),
  z.array(z.number().int().positive()).max(100),
);

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
  minTrustRead: trustLevel.default(0),
  minTrustStart: trustLevel.default(0),
  minTrustReply: trustLevel.default(0),
  readGroupIds: groupIds.default([]),
  startGroupIds: groupIds.default([]),
  replyGroupIds: groupIds.default([]),
});

export type CategoryInput = z.input<typeof categoryInputSchema>;
export type CategoryData = z.output<typeof categoryInputSchema>;
