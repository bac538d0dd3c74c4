import { and, eq, lt, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { UserError } from '../errors.tsx';
import { formSubmissions } from './schema.ts';

export const SUBMISSION_FIELD = '_submission';
const keyShape = /^[A-Za-z0-9_-]{16,64}$/;
const WAIT_FOR_FIRST_MS = 5000;
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Makes form posts that carry a `_submission` key idempotent per member: the first one runs and its
 * outcome (the redirect) is remembered; a repeat gets the same redirect without running again. A
 * submission that failed (4xx/5xx, or the database went away) is forgotten, so the member can retry.
 */
export function idempotentSubmissions(): MiddlewareHandler {
  return async function idempotentSubmission(c, next) {
    const user = c.get('user');
    if (c.req.method !== 'POST' || !user) return next();
    const key = await submissionKey(c);
    if (!key) return next();
    const { db } = c.get('deps');

    const [claimed] = await db
      .insert(formSubmissions)
      .values({ userId: user.id, key, path: c.req.path })
      .onConflictDoNothing()
      .returning({ key: formSubmissions.key });
    if (!claimed) return repeat(c, user.id, key);

    try {
      await next();
    } catch (error) {
      await forget(c, user.id, key);
      throw error;
    }
    if (c.res.status >= 400) {
      await forget(c, user.id, key);
      return;
    }
    const location = c.res.status >= 300 && c.res.status < 400 ? c.res.headers.get('location') : null;
    await db
      .update(formSubmissions)
      .set({ location, finishedAt: new Date() })
      .where(and(eq(formSubmissions.userId, user.id), eq(formSubmissions.key, key)));
    if (Math.random() < 0.01) {
      await db.delete(formSubmissions).where(lt(formSubmissions.createdAt, new Date(Date.now() - KEEP_MS)));
    }
  };
}

async function submissionKey(c: Context): Promise<string | null> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const value = (await c.req.parseBody())[SUBMISSION_FIELD];
  return typeof value === 'string' && keyShape.test(value) ? value : null;
}

/** The same key again: answer as the first submission did, waiting briefly if it is still running. */
async function repeat(c: Context, userId: number, key: string): Promise<Response> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const [first] = await c.get('deps').db
      .select()
      .from(formSubmissions)
      .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key)));
    // the first one failed and was forgotten meanwhile: this one may not run twice either, ask to resend
    if (!first) throw new UserError(409, 'error.submission.retry');
    if (first.finishedAt) {
      if (first.location) {
        if (c.req.header('hx-request')) {
          c.header('HX-Redirect', first.location);
          return c.body(null, 204);
        }
        return c.redirect(first.location, 303);
      }
      // answered in place (htmx): the page already shows the outcome
      c.header('HX-Reswap', 'none');
      return c.body(null, 204);
    }
    if (Date.now() > deadline) throw new UserError(409, 'error.submission.pending');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function forget(c: Context, userId: number, key: string): Promise<void> {
  await c.get('deps').db
    .delete(formSubmissions)
    .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key), sql`${formSubmissions.finishedAt} is null`))
    .catch(() => {});
}
