import { z } from 'zod';

export const MAX_RECIPIENTS = 10;
export const MAX_MESSAGE_CHARS = 10_000;

/** "alice, bob，carol" → distinct names as typed (full-width commas and spaces also separate). */
export const recipientNamesSchema = z
  .string()
  .transform((v) => [...new Set(v.split(/[\s,，;；、]+/u).map((n) => n.replace(/^[@＠]/u, '').trim()).filter(Boolean))])
  .pipe(
    z
      .array(z.string())
      .min(1, 'conversations.to.required')
      .max(MAX_RECIPIENTS, 'conversations.to.tooMany'),
  );

export const conversationTitleSchema = z
  .string()
  .transform((v) => v.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/gu, ' ').trim())
  .pipe(z.string().max(200, 'conversations.title.long'))
  .transform((v) => (v === '' ? null : v));

export const messageRawSchema = z
  .string({ error: 'conversations.raw.required' })
  .transform((v) => v.replace(/\r\n?/g, '\n').trimEnd())
  .pipe(
    z
      .string()
      .refine((v) => v.trim().length > 0, 'conversations.raw.required')
      .refine((v) => v.length <= MAX_MESSAGE_CHARS, 'conversations.raw.long'),
  );

export const reportReasonSchema = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string().min(3, 'conversations.report.reason').max(500, 'conversations.report.reason'));

export const startFormSchema = z.object({ title: conversationTitleSchema, raw: messageRawSchema });
export const replyFormSchema = z.object({ raw: messageRawSchema });
export const recipientsFormSchema = z.object({ to: recipientNamesSchema });
export const reportFormSchema = z.object({ reason: reportReasonSchema });
