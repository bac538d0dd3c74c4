import { z } from 'zod';

export const MAX_POST_CHARS = 30_000;

/** Markdown as typed: line endings unified, trailing space dropped (leading space can be an indented code block). */
export const postRawSchema = z
  .string({ error: 'forum.post.raw.required' })
  .transform((v) => v.replace(/\r\n?/g, '\n').trimEnd())
  .pipe(
    z
      .string()
      .refine((v) => v.trim().length > 0, 'forum.post.raw.required')
      .refine((v) => v.length <= MAX_POST_CHARS, 'forum.post.raw.long'),
  );

export const titleSchema = z
  .string({ error: 'forum.thread.title.length' })
  .transform((v) => v.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/gu, ' ').trim())
  .pipe(z.string().min(3, 'forum.thread.title.length').max(200, 'forum.thread.title.length'));

/** Repost attribution (注明出处): a URL or a short text such as a book or a site's name. */
export const sourceSchema = z
  .string()
  .transform((v) => v.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim())
  .pipe(z.string().max(300, 'forum.thread.source.long'))
  .transform((v) => (v === '' ? null : v));

/** A source that is a plain http(s) URL is shown as a link; anything else as text. */
export function sourceUrl(source: string | null): string | null {
  if (!source || !/^https?:\/\/\S+$/i.test(source)) return null;
  try {
    return new URL(source).href;
  } catch {
    return null;
  }
}
